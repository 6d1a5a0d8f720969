using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Admin;

/// <summary>
/// A known run of calls (the shipped scripts, as real calls with RFC 4733 and SIP INFO digits),
/// then a real Prometheus scraping the server's /metrics: its queries give exactly the counts the
/// calls made — outcomes, node entries and exits, digits by source — and the active-call count.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class PrometheusScrapeTests(MetricsServerFixture fixture) : IClassFixture<MetricsServerFixture>
{
    // status-budi: 1, 1, the NIK's 16 digits (the '#' after them is absorbed), the birth date's 8, then 9.
    private const int BudiDigits = 1 + 1 + 16 + 8 + 1;

    // main-menu-invalid: 5, *, 9.
    private const int InvalidMenuDigits = 3;

    [Fact]
    public async Task Prometheus_shows_the_exact_counts_of_a_known_run_of_calls_and_no_personal_data()
    {
        var server = fixture.Server;
        await using var prometheus = await PrometheusProcess.StartAsync(server.AdminUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var runs = await Task.WhenAll(
            RunAsync("status-budi.vks", TestCallerDtmfMode.Rfc4733),
            RunAsync("main-menu-invalid.vks", TestCallerDtmfMode.Info),
            RunAsync("main-menu-invalid.vks", TestCallerDtmfMode.Rfc4733));
        foreach (var result in runs)
        {
            Assert.True(result.Passed, result.Format() + "\n" + server.Output);
        }

        var ended = await prometheus.WaitForAsync("sum by (outcome) (vika_calls_ended_total)", "outcome", r => r.Values.Sum() >= 3, TimeSpan.FromSeconds(30));
        var records = await CdrReader.ReadAsync(server, 10);
        Assert.Equal(3, records.Count);
        Assert.Equal(new Dictionary<string, double> { ["status-answered"] = 1, ["too-many-failures"] = 2 }, ended);
        Assert.Equal(records.GroupBy(r => r.Outcome ?? "").ToDictionary(g => g.Key, g => (double)g.Count()), ended);

        var entries = await prometheus.QueryByAsync("sum by (node) (vika_flow_node_entries_total{flow=\"vika\"})", "node");
        var visited = records.SelectMany(r => r.Nodes).GroupBy(n => n).ToDictionary(g => g.Key, g => (double)g.Count());
        Assert.True(Same(visited, entries), $"node entries: records {Show(visited)}, Prometheus {Show(entries)}");
        Assert.Equal(3, entries["welcome"]);
        // Every call here ended by the flow's own goodbye: no node was left by hanging up in it.
        var exits = await prometheus.QueryByAsync("sum by (node) (vika_flow_node_exits_total{flow=\"vika\"})", "node");
        Assert.True(Same(entries, exits), $"node entries {Show(entries)}, exits {Show(exits)}");

        var digits = await prometheus.QueryByAsync("sum by (source) (vika_dtmf_digits_total)", "source");
        Assert.Equal(new Dictionary<string, double> { ["info"] = InvalidMenuDigits, ["rfc4733"] = BudiDigits + InvalidMenuDigits }, digits);

        var answered = await prometheus.QueryAsync("sum(vika_calls_answered_total)");
        Assert.Equal(3, Assert.Single(answered).Value);
        var invites = await prometheus.QueryByAsync("sum by (status) (vika_sip_invite_responses_total)", "status");
        Assert.Equal(3, invites["200"]);
        var active = await prometheus.QueryAsync("vika_calls_active");
        Assert.Equal(0, Assert.Single(active).Value);

        // The shipped dashboard's queries are ones this Prometheus accepts, and its calls-active panel has data.
        foreach (var expr in DashboardQueries())
        {
            var results = await prometheus.QueryAsync(expr.Replace("$__range", "5m", StringComparison.Ordinal).Replace("$job", ".*", StringComparison.Ordinal)
                .Replace("$instance", ".*", StringComparison.Ordinal));
            if (expr.StartsWith("sum(vika_calls_active", StringComparison.Ordinal))
            {
                Assert.NotEmpty(results);
            }
        }

        using var health = await http.GetAsync(new Uri(server.AdminUrl, "/healthz"));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (await health.Content.ReadAsStringAsync()).Trim());
        var metrics = await http.GetStringAsync(new Uri(server.AdminUrl, "/metrics"));
        Assert.Contains("vika_dtmf_digits_total", metrics, StringComparison.Ordinal);
        foreach (var secret in new[] { "3171011708850001", "17081985", "081234567890", "Budi" })
        {
            Assert.DoesNotContain(secret, metrics, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static IEnumerable<string> DashboardQueries()
    {
        using var dashboard = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "grafana", "vika-dashboard.json")));
        var queries = new List<string>();
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                queries.Add(target.GetProperty("expr").GetString()!);
            }
        }

        Assert.True(queries.Count >= 20, "the dashboard has its panels");
        return queries;
    }

    private static bool Same(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static string Show(IReadOnlyDictionary<string, double> map) =>
        string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private async Task<Flows.Scripting.ScriptResult> RunAsync(string script, TestCallerDtmfMode mode)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        var services = VikaServices.Create(SettingsReader.Read(), TimeProvider.System, loggers);
        var runner = new LiveScriptRunner(TextWriter.Null, TextWriter.Null);
        var results = await runner.RunAsync([Path.Combine(RepoPaths.Root, "tests", "scripts", script)],
            $"sip:165@127.0.0.1:{fixture.Server.SipPort}", mode, services, timeout.Token);
        return Assert.Single(results);
    }
}
