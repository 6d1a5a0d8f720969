using System.Globalization;
using System.Text.Json;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// A real Prometheus (Debian's package) scraping one server's admin endpoint every second,
/// started and stopped by the project's scripts/prometheus.sh in a temp folder of its own.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private PrometheusProcess(string dir, Uri address)
    {
        Dir = dir;
        Address = address;
    }

    public string Dir { get; }

    public Uri Address { get; }

    /// <summary>Starts Prometheus on a free port scraping <paramref name="adminUrl"/>; fails (never skips) when it cannot start.</summary>
    public static async Task<PrometheusProcess> StartAsync(Uri adminUrl)
    {
        var dir = Directory.CreateTempSubdirectory("vika-interop-prometheus-").FullName;
        var result = await ProcessRunner.RunAsync(
            Path.Combine(RepoPaths.Root, "scripts", "prometheus.sh"),
            ["start", dir, "--target", adminUrl.Authority, "--interval", "1s"],
            TimeSpan.FromSeconds(60),
            RepoPaths.Root);
        if (result.ExitCode != 0 || !Uri.TryCreate(result.StdOut.Trim(), UriKind.Absolute, out var address))
        {
            throw new InvalidOperationException("scripts/prometheus.sh start failed: " + result.Describe());
        }

        return new PrometheusProcess(dir, address);
    }

    /// <summary>Runs an instant query (/api/v1/query); each result's labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        var url = new Uri(Address, "/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var document = JsonDocument.Parse(await _http.GetStringAsync(url));
        var data = document.RootElement.GetProperty("data");
        var results = new List<(IReadOnlyDictionary<string, string>, double)>();
        foreach (var item in data.GetProperty("result").EnumerateArray())
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in item.GetProperty("metric").EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? "";
            }

            var value = double.Parse(item.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
            results.Add((labels, value));
        }

        return results;
    }

    /// <summary>The query's results as label value → value, for a query grouped by one label.</summary>
    public async Task<IReadOnlyDictionary<string, double>> QueryByAsync(string promql, string label)
    {
        var map = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (labels, value) in await QueryAsync(promql))
        {
            map[labels.TryGetValue(label, out var key) ? key : ""] = value;
        }

        return map;
    }

    /// <summary>Polls the query until <paramref name="done"/> holds for its results (bounded); the last results either way.</summary>
    public async Task<IReadOnlyDictionary<string, double>> WaitForAsync(string promql, string label, Func<IReadOnlyDictionary<string, double>, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var now = await QueryByAsync(promql, label);
            if (done(now) || DateTime.UtcNow > deadline)
            {
                return now;
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await ProcessRunner.RunAsync(Path.Combine(RepoPaths.Root, "scripts", "prometheus.sh"), ["stop", Dir], TimeSpan.FromSeconds(30), RepoPaths.Root);
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
