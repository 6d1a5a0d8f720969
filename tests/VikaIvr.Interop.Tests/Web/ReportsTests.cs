using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// A known set of real calls (the test caller running shipped scripts against a live `vika serve`
/// with its own data folder), then `vika report --format json` for their period gives exactly the
/// funnel, containment, transfers and abandonment those scripts make, and the reports page, read by
/// a signed-in supervisor, shows the same numbers.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ReportsTests : IAsyncLifetime
{
    private const string Clock = "2026-11-23T10:00:00+07:00";

    /// <summary>The period: the server's clock starts at 10:00 Jakarta; the calls take a minute or two.</summary>
    private const string From = "2026-11-23T09:00:00+07:00", To = "2026-11-23T12:00:00+07:00";

    private static readonly string[] Scripts = ["status-budi.vks", "transfer-then-hangup.vks", "caller-hangs-up.vks", "info-menu.vks"];

    /// <summary>Per node, the calls that entered it and the calls that left there, as the four scripts walk the flow.</summary>
    private static readonly Dictionary<string, (int Entered, int LeftHere)> ExpectedFunnel = new()
    {
        ["welcome"] = (4, 0),
        ["main-menu"] = (4, 1), // info-menu.vks hangs up back in the main menu
        ["vika-menu"] = (2, 1), // caller-hangs-up.vks hangs up here
        ["choose-status"] = (1, 0),
        ["enter-id"] = (1, 0),
        ["enter-dob"] = (1, 0),
        ["verify"] = (1, 0),
        ["choose-answer"] = (1, 0),
        ["load-status"] = (1, 0),
        ["status-answer"] = (1, 0),
        ["after-result"] = (1, 0),
        ["goodbye"] = (1, 0),
        ["end"] = (1, 1),
        ["info-menu"] = (1, 0),
        ["info-rehab"] = (1, 0),
        ["info-channels"] = (1, 0),
        ["info-registration"] = (1, 0),
        ["agent"] = (1, 1), // transfer-then-hangup.vks is transferred
    };

    private const string Supervisor = "sari", Password = "rahasia-laporan-165";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("vika-interop-reports-").FullName;
    private ServerProcess? _server;

    public async Task InitializeAsync()
    {
        await ConsoleUsers.AddAsync(_dataDir, Supervisor, "supervisor", Password);
        _server = await ServerProcess.StartAsync(new ServerOptions
        {
            DataDir = _dataDir,
            ExtraArguments = ["--clock", Clock, "--agent-uri", "sip:agent@localhost"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_report_of_a_known_set_of_calls_has_the_exact_funnel_and_containment()
    {
        var server = _server!;
        await PlaceCallsAsync(server);
        using var report = await WaitForReportAsync(server, calls: Scripts.Length);
        var root = report.RootElement;
        AssertFigures(root, server);

        using var console = await ConsoleClient.SignInAsync(server.AdminUrl, Supervisor, Password);
        string page = await console.GetAsync($"/reports?from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}");

        string context = page + "\n--- server output ---\n" + server.Output;
        Assert.True(Figure(page, "calls") == "4", context);
        Assert.Equal(root.GetProperty("answered").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(page, "answered"));
        Assert.Equal("3", Figure(page, "contained"));
        Assert.Equal("1", Figure(page, "transferred"));
        Assert.Equal("1", Figure(page, "transfers-accepted"));
        Assert.Equal("0", Figure(page, "transfers-failed"));
        Assert.Equal("2", Figure(page, "abandoned"));
        Assert.Equal("0", Figure(page, "verification-failures"));
        Assert.Equal("0", Figure(page, "system-busy"));
        foreach (var step in root.GetProperty("funnel").EnumerateArray())
        {
            string node = step.GetProperty("node").GetString()!;
            var (entered, left) = ExpectedFunnel.GetValueOrDefault(node);
            Assert.True(Figure(page, "funnel-entered-" + node) == entered.ToString(System.Globalization.CultureInfo.InvariantCulture), $"page funnel-entered-{node}\n{context}");
            Assert.True(Figure(page, "funnel-left-" + node) == left.ToString(System.Globalization.CultureInfo.InvariantCulture), $"page funnel-left-{node}\n{context}");
        }

        // The page lists the funnel in the report's order, and its JSON is the command's.
        var pageOrder = Regex.Matches(page, "data-test=\"funnel-entered-([^\"]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(root.GetProperty("funnel").EnumerateArray().Select(s => s.GetProperty("node").GetString()), pageOrder);
        string pageJson = await console.GetAsync($"/reports?handler=json&from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}");
        Assert.Equal(root.ToString(), JsonDocument.Parse(pageJson).RootElement.ToString());
        Assert.DoesNotContain("3171011708850001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("17081985", page, StringComparison.Ordinal);

        // The README's pictures of the page, as Chromium draws it on a laptop and on a phone.
        string english = await console.GetAsync($"/reports?culture=en&from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}");
        await PageScreenshot.SaveAsync(english, "reports-funnel.png", 1100, 1500);
        await PageScreenshot.SaveAsync(page, "reports-phone.png", 390, 1400);
    }

    [Fact]
    public async Task An_operator_may_not_open_the_reports_page()
    {
        await ConsoleUsers.AddAsync(_dataDir, "okta", "operator", Password);
        using var console = await ConsoleClient.SignInAsync(_server!.AdminUrl, "okta", Password);

        var (status, location) = await console.GetStatusAsync("/reports");

        Assert.True(status == HttpStatusCode.Redirect && location.StartsWith("/denied", StringComparison.Ordinal), $"{status} {location}");
    }

    /// <summary>The text of the element with data-test="<paramref name="name"/>" (the page's numbers are plain text in it).</summary>
    private static string? Figure(string page, string name)
    {
        var m = Regex.Match(page, "data-test=\"" + Regex.Escape(name) + "\"[^>]*>([^<]*)<");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;
    }

    /// <summary>The figures the four scripts make, as the JSON report states them.</summary>
    internal static void AssertFigures(JsonElement root, ServerProcess server)
    {
        string context = root.ToString() + "\n--- server output ---\n" + server.Output;
        Assert.True(root.GetProperty("calls").GetInt32() == 4, context);
        Assert.Equal(4, root.GetProperty("answered").GetInt32());
        Assert.Equal(3, root.GetProperty("containment").GetProperty("contained").GetInt32());
        Assert.Equal(1, root.GetProperty("containment").GetProperty("transferred").GetInt32());
        Assert.Equal(1, root.GetProperty("transfers").GetProperty("accepted").GetInt32());
        Assert.Equal(0, root.GetProperty("transfers").GetProperty("failed").GetInt32());
        Assert.Equal(2, root.GetProperty("abandonment").GetProperty("abandoned").GetInt32());
        Assert.Equal(0, root.GetProperty("verificationFailures").GetProperty("failures").GetInt32());
        Assert.Equal(0, root.GetProperty("systemBusy").GetProperty("occurrences").GetInt32());
        Assert.Equal(4, root.GetProperty("handleTime").GetProperty("calls").GetInt32());
        Assert.Equal(4, root.GetProperty("callsPerHour").EnumerateArray().Sum(h => h.GetProperty("calls").GetInt32()));

        var funnel = root.GetProperty("funnel").EnumerateArray()
            .ToDictionary(s => s.GetProperty("node").GetString()!, s => (s.GetProperty("entered").GetInt32(), s.GetProperty("leftHere").GetInt32()));
        foreach (var (node, counts) in funnel)
        {
            Assert.True(ExpectedFunnel.GetValueOrDefault(node) == counts, $"funnel {node}: {counts}, expected {ExpectedFunnel.GetValueOrDefault(node)}\n{context}");
        }

        Assert.Empty(ExpectedFunnel.Keys.Except(funnel.Keys));
        Assert.Equal("welcome", root.GetProperty("funnel")[0].GetProperty("node").GetString());
    }

    internal static IReadOnlyDictionary<string, (int Entered, int LeftHere)> Funnel => ExpectedFunnel;

    /// <summary>The four scripts, one after another, as real calls (RFC 4733 keys).</summary>
    internal static async Task PlaceCallsAsync(ServerProcess server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        var services = VikaServices.Create(SettingsReader.Read(), TimeProvider.System, loggers);
        var runner = new LiveScriptRunner(TextWriter.Null, TextWriter.Null);
        var paths = Scripts.Select(s => Path.Combine(RepoPaths.Root, "tests", "scripts", s)).ToList();
        var results = await runner.RunAsync(paths, $"sip:165@127.0.0.1:{server.SipPort}", TestCallerDtmfMode.Rfc4733, services, timeout.Token);
        Assert.Equal(Scripts.Length, results.Count);
        foreach (var result in results) Assert.True(result.Passed, result.Format() + "\n" + server.Output);
    }

    /// <summary>`vika report --format json` for the period, polled until every call's record is finished (records are written just after a call ends).</summary>
    internal static async Task<JsonDocument> WaitForReportAsync(ServerProcess server, int calls)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var run = await server.RunCliAsync(["report", "--from", From, "--to", To, "--format", "json"], TimeSpan.FromSeconds(60));
            Assert.True(run.ExitCode == 0, "vika report failed: " + run.Describe());
            var doc = JsonDocument.Parse(run.StdOut);
            var root = doc.RootElement;
            if (root.GetProperty("calls").GetInt32() >= calls && root.GetProperty("inProgress").GetInt32() == 0) return doc;
            doc.Dispose();
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"vika report never showed {calls} finished calls:\n{run.StdOut}\n--- server output ---\n{server.Output}");
            await Task.Delay(300);
        }
    }
}
