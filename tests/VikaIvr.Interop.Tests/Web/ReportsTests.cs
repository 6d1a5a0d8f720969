using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using VikaIvr.Data.Users;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// A known set of real calls (the test caller running shipped scripts against a live `vika serve`
/// with its own data folder), then `vika report --format json` for their period gives exactly the
/// funnel, containment, transfers and abandonment those scripts make, and the reports page, opened
/// by a supervisor signed in with a real browser (Debian's chromium through Playwright), shows the
/// same numbers.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ReportsTests(ReportsConsoleFixture fixture, ITestOutputHelper output) : IClassFixture<ReportsConsoleFixture>
{
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

    private static string Period => $"from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}";

    [Fact]
    public async Task The_report_of_a_known_set_of_calls_has_the_exact_funnel_and_containment()
    {
        var server = fixture.Server;
        await PlaceCallsAsync(server);
        using var report = await WaitForReportAsync(server, calls: Scripts.Length);
        var root = report.RootElement;
        AssertFigures(root, server);

        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Supervisor);
        await session.GotoAndCheckAsync("/reports?" + Period);
        var page = session.Page;

        await Expect(Figure(page, "calls")).ToHaveTextAsync("4");
        await Expect(Figure(page, "answered")).ToHaveTextAsync(Count(root.GetProperty("answered").GetInt32()));
        await Expect(Figure(page, "contained")).ToHaveTextAsync("3");
        await Expect(Figure(page, "transferred")).ToHaveTextAsync("1");
        await Expect(Figure(page, "transfers-accepted")).ToHaveTextAsync("1");
        await Expect(Figure(page, "transfers-failed")).ToHaveTextAsync("0");
        await Expect(Figure(page, "abandoned")).ToHaveTextAsync("2");
        await Expect(Figure(page, "verification-failures")).ToHaveTextAsync("0");
        await Expect(Figure(page, "system-busy")).ToHaveTextAsync("0");
        var shown = new List<string>();
        foreach (var step in root.GetProperty("funnel").EnumerateArray())
        {
            string node = step.GetProperty("node").GetString()!;
            var (entered, left) = ExpectedFunnel.GetValueOrDefault(node);
            await Expect(Figure(page, "funnel-entered-" + node)).ToHaveTextAsync(Count(entered));
            await Expect(Figure(page, "funnel-left-" + node)).ToHaveTextAsync(Count(left));
            shown.Add($"{node} {entered}/{left}");
        }

        output.WriteLine("funnel on the page (entered/left here): " + string.Join(", ", shown));
        output.WriteLine($"calls 4, contained 3, transferred 1, abandoned 2 (page and vika report --format json)");

        // The page lists the funnel in the report's order, and its JSON is the command's.
        var cells = await page.Locator("[data-test^='funnel-entered-']").AllAsync();
        var pageOrder = new List<string>();
        foreach (var cell in cells) pageOrder.Add((await cell.GetAttributeAsync("data-test"))!["funnel-entered-".Length..]);
        Assert.Equal(root.GetProperty("funnel").EnumerateArray().Select(s => s.GetProperty("node").GetString()), pageOrder);
        var json = await page.RunAndWaitForResponseAsync(
            () => page.Locator("[data-test=report-json]").ClickAsync(),
            r => r.Url.Contains("handler=json", StringComparison.Ordinal));
        Assert.True(json.Ok, $"the page's JSON link answered {json.Status}");
        string pageJson = await json.TextAsync();
        Assert.Equal(root.ToString(), JsonDocument.Parse(pageJson).RootElement.ToString());

        // The README's pictures of the page, as chromium draws it on a laptop and on a phone.
        await session.GotoAndCheckAsync("/reports?culture=en&" + Period);
        await Expect(Figure(page, "calls")).ToHaveTextAsync("4");
        output.WriteLine("screenshot: " + await session.ScreenshotAsync("reports-funnel"));
        await page.SetViewportSizeAsync(390, 844);
        await session.GotoAndCheckAsync("/reports?culture=id&" + Period);
        output.WriteLine("screenshot: " + await session.ScreenshotAsync("reports-phone"));
        await session.VerifyAsync();
    }

    [Fact]
    public async Task An_operator_may_not_open_the_reports_page()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Operator);

        var response = await session.GotoAndCheckAsync("/reports", allowError: true);

        Assert.Equal(403, response.Status);
        Assert.StartsWith("/denied", new Uri(session.Page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(session.Page.Locator("[data-test=funnel]")).ToHaveCountAsync(0);
        await session.VerifyAsync();
    }

    /// <summary>The element with data-test="<paramref name="name"/>" (the page's numbers are plain text in it).</summary>
    private static ILocator Figure(IPage page, string name) => page.Locator($"[data-test='{name}']");

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

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
