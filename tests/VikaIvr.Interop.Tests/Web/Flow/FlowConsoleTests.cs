using System.Globalization;
using System.Net;
using VikaIvr.Data;
using VikaIvr.Data.Audit;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Vika;
using Xunit.Abstractions;

namespace VikaIvr.Interop.Tests.Web.Flow;

/// <summary>
/// The flow pages of the console against a running `vika serve`: the graph of the active revision;
/// an invalid revision refused with its line; a revision that changes a prompt, activated from the
/// page, is what a new call runs while the call in progress finishes on the old one; a rollback from
/// the history; only admins get in; every activation audited.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class FlowConsoleTests(ITestOutputHelper output) : IDisposable
{
    private const string AdminPassword = "flow-admin-secret-1";
    private readonly FlowRevisionSetup _setup = new();

    [Fact]
    public async Task An_admin_sees_the_graph_activates_a_revision_that_new_calls_follow_and_rolls_it_back()
    {
        await using var server = await ServerProcess.StartAsync(_setup.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var ct = timeout.Token;
        await FlowConsoleClient.AddUserAsync(server, "admin", "admin", AdminPassword);
        using var admin = await FlowConsoleClient.SignInAsync(server, "admin", AdminPassword);

        // The graph: every node with its kind, the menu's digits on the edges.
        var (status, page) = await admin.GetAsync("/flow");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-test=\"flow-graph\"", page, StringComparison.Ordinal);
        Assert.Contains("data-node=\"welcome\" data-kind=\"play\"", page, StringComparison.Ordinal);
        Assert.Contains("data-node=\"main-menu\" data-kind=\"menu\"", page, StringComparison.Ordinal);
        Assert.Contains("data-from=\"main-menu\" data-to=\"vika-menu\" data-label=\"1\"", page, StringComparison.Ordinal);
        Assert.Contains("data-revision=\"1\"", page, StringComparison.Ordinal);

        // An invalid revision, uploaded as a file: refused with its line, nothing stored.
        string broken = _setup.OriginalYaml.Replace("      \"1\": choose-status\n", "      \"1\": nowhere\n", StringComparison.Ordinal);
        int line = broken[..broken.IndexOf("\"1\": nowhere", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(await admin.TokenOfAsync("/flow")), "__RequestVerificationToken");
            form.Add(new StringContent(""), "Yaml");
            form.Add(new StringContent("broken on purpose"), "Comment");
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(broken)), "Upload", "vika.yaml");
            var (refusedStatus, refused, _) = await admin.PostAsync("/flow", form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus);
            Assert.Contains(FormattableString.Invariant($"data-test=\"flow-error\" data-line=\"{line}\""), refused, StringComparison.Ordinal);
            Assert.Contains("nowhere", refused, StringComparison.Ordinal);
        }

        Assert.Single(Rows(await admin.GetAsync("/flow/revisions")));

        // A form without its antiforgery token is refused.
        var (forged, _, _) = await admin.PostAsync("/flow", new FormUrlEncodedContent(new Dictionary<string, string> { ["Yaml"] = _setup.ChangedYaml }));
        Assert.Equal(HttpStatusCode.BadRequest, forged);

        // A call in progress, then the revision that changes the VIKA menu's prompt, from the page.
        await using var inProgress = await FlowRevisionSetup.DialAsync(server, ct);
        var (activatedStatus, _, location) = await admin.PostAsync("/flow", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await admin.TokenOfAsync("/flow"),
            ["Yaml"] = _setup.ChangedYaml.Replace("\n", "\r\n", StringComparison.Ordinal),
            ["Comment"] = "vika-menu plays info-menu",
        }));
        Assert.Equal(HttpStatusCode.Redirect, activatedStatus);
        Assert.Equal("/flow?activated=2", location?.OriginalString);
        await FlowRevisionSetup.WaitForOutputAsync(server, "Flow revision 2 activated by admin");
        var (_, after) = await admin.GetAsync("/flow?activated=2");
        Assert.Contains("data-test=\"flow-activated\"", after, StringComparison.Ordinal);

        double oldTone = await _setup.VikaMenuToneAsync(server, inProgress, ct);
        await using var next = await FlowRevisionSetup.DialAsync(server, ct);
        double newTone = await _setup.VikaMenuToneAsync(server, next, ct);
        await inProgress.HangupAsync(ct);
        await next.HangupAsync(ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"440 Hz share after 1: call in progress {oldTone:0.00}, new call {newTone:0.00}"));
        Assert.True(oldTone > 0.6, $"the call in progress did not finish on revision 1 (tone share {oldTone:0.00})");
        Assert.True(newTone < 0.3, $"the new call did not run revision 2 (tone share {newTone:0.00})");

        // The history: revision 2 active; roll back to 1, and the next call hears the tone again.
        var rows = Rows(await admin.GetAsync("/flow/revisions"));
        Assert.Equal(2, rows.Count);
        Assert.Contains("data-revision=\"2\" data-active=\"true\"", rows[0], StringComparison.Ordinal);
        Assert.Contains("vika-menu plays info-menu", rows[0], StringComparison.Ordinal);
        var (rollbackStatus, _, rollbackLocation) = await admin.PostAsync("/flow/revisions?handler=Activate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await admin.TokenOfAsync("/flow/revisions"),
            ["id"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, rollbackStatus);
        Assert.Equal("/flow/revisions?activated=1", rollbackLocation?.OriginalString);
        await FlowRevisionSetup.WaitForOutputAsync(server, "Flow revision 1 activated by admin");
        string rolledBackId;
        await using (var rolledBack = await FlowRevisionSetup.DialAsync(server, ct))
        {
            rolledBackId = rolledBack.Call.CallId;
            double tone = await _setup.VikaMenuToneAsync(server, rolledBack, ct);
            await rolledBack.HangupAsync(ct);
            Assert.True(tone > 0.6, $"after the rollback a new call did not run revision 1 (tone share {tone:0.00})");
        }

        // Each node's traffic: the three calls entered the welcome, the main menu and the VIKA menu.
        foreach (string id in new[] { inProgress.Call.CallId, next.Call.CallId, rolledBackId })
        {
            await CdrReader.WaitForAsync(server, r => r.CallId == id, TimeSpan.FromSeconds(20));
        }

        var (_, traffic) = await admin.GetAsync("/flow?days=1");
        Assert.Contains("data-calls=\"3\"", traffic, StringComparison.Ordinal);
        Assert.Equal((3, 0), Traffic(traffic, "welcome"));
        Assert.Equal(3, Traffic(traffic, "main-menu").Entered);
        Assert.Equal(3, Traffic(traffic, "vika-menu").Entered);
        await SaveScreenshotAsync(traffic);

        var (_, revisions) = await admin.GetAsync("/flow/revisions?show=2");
        Assert.Contains("prompt: info-menu", revisions, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n", revisions[revisions.IndexOf("data-test=\"flow-revision-text\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var db = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = server.DataDir });
        var audit = await new AuditLog(db, TimeProvider.System).GetLatestAsync(20, ct);
        var activations = audit.Where(a => a.Action == "flow.activate").Select(a => (a.Actor, a.Subject)).ToList();
        Assert.Equal([("admin", "revision 1"), ("admin", "revision 2"), ("vika serve", "revision 1")], activations);
        admin.AssertNoPersonalData();
    }

    [Fact]
    public async Task Operators_and_supervisors_cannot_open_the_flow_pages()
    {
        await using var server = await ServerProcess.StartAsync(_setup.Options);
        foreach (string role in new[] { "operator", "supervisor" })
        {
            await FlowConsoleClient.AddUserAsync(server, role + "1", role, AdminPassword);
            using var client = await FlowConsoleClient.SignInAsync(server, role + "1", AdminPassword);
            foreach (string path in new[] { "/flow", "/flow/revisions" })
            {
                var (status, html) = await client.GetAsync(path);
                Assert.True(status is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{role} GET {path}: {(int)status}");
                Assert.DoesNotContain("flow-graph", html, StringComparison.Ordinal);
            }
        }
    }

    public void Dispose() => _setup.Dispose();

    /// <summary>A node's traffic as the graph shows it: calls that entered it, calls that ended there.</summary>
    private static (int Entered, int Left) Traffic(string html, string node)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html,
            "data-node=\"" + node + "\" data-kind=\"[a-z]+\"\\s+data-entered=\"(\\d+)\" data-left=\"(\\d+)\"");
        Assert.True(match.Success, $"no traffic for node {node} on the flow page");
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static List<string> Rows((HttpStatusCode Status, string Html) page)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return [.. page.Html.Split("<tr data-test=\"flow-revision\"", StringSplitOptions.None).Skip(1)];
    }

    /// <summary>docs/screenshots/flow-graph.png: the page as served, drawn by Debian's chromium.</summary>
    private async Task SaveScreenshotAsync(string html)
    {
        string file = Path.Combine(_setup.Root, "flow.html");
        await File.WriteAllTextAsync(file, html);
        string target = Path.Combine(RepoPaths.Root, "docs", "screenshots", "flow-graph.png");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var shot = await ProcessRunner.RunAsync("chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,1000", "--screenshot=" + target, new Uri(file).AbsoluteUri],
            TimeSpan.FromSeconds(60), _setup.Root);
        Assert.True(shot.ExitCode == 0 && File.Exists(target), shot.Describe());
    }
}
