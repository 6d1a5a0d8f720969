using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using VikaIvr.Data;
using VikaIvr.Data.Audit;
using VikaIvr.Data.Users;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Vika;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace VikaIvr.Interop.Tests.Web.Flow;

/// <summary>
/// The flow pages of the console in a real browser (Debian's chromium through Playwright) against a
/// running `vika serve`: the graph of the active revision; an invalid revision, uploaded as a file,
/// refused with its line; a revision that changes a prompt, typed into the page and activated, is
/// what a new call runs while the call in progress finishes on the old one; a rollback from the
/// history; only admins get in; every activation audited.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class FlowConsoleTests(FlowConsoleFixture fixture, ITestOutputHelper output) : IClassFixture<FlowConsoleFixture>
{
    [Fact]
    public async Task An_admin_sees_the_graph_activates_a_revision_that_new_calls_follow_and_rolls_it_back()
    {
        var server = fixture.Server;
        var setup = fixture.Setup;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var ct = timeout.Token;
        await using var session = await fixture.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync(ConsoleRoles.Admin);

        // The graph: every node with its kind, the menu's digits on the edges.
        await session.GotoAndCheckAsync("/flow");
        await Expect(page.Locator("[data-test=flow-graph]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=flow-node][data-node=welcome][data-kind=play]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=flow-node][data-node=main-menu][data-kind=menu]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=flow-edge][data-from=main-menu][data-to=vika-menu][data-label='1']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=flow-active-revision]")).ToHaveAttributeAsync("data-revision", "1");

        // An invalid revision, uploaded as a file: refused with its line, nothing stored.
        string broken = setup.OriginalYaml.Replace("      \"1\": choose-status\n", "      \"1\": nowhere\n", StringComparison.Ordinal);
        int line = broken[..broken.IndexOf("\"1\": nowhere", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        await page.Locator("[data-test=flow-yaml]").FillAsync("");
        await page.Locator("[data-test=flow-upload]").SetInputFilesAsync(new FilePayload
        {
            Name = "vika.yaml",
            MimeType = "text/yaml",
            Buffer = System.Text.Encoding.UTF8.GetBytes(broken),
        });
        await page.Locator("[data-test=flow-comment]").FillAsync("broken on purpose");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.Locator("[data-test=flow-submit]").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/flow");
        Assert.Equal((int)HttpStatusCode.UnprocessableEntity, refused.Status);
        var error = page.Locator($"[data-test=flow-error][data-line='{line.ToString(CultureInfo.InvariantCulture)}']");
        await Expect(error).ToHaveCountAsync(1);
        await Expect(error).ToContainTextAsync("nowhere");
        await session.CheckPageAsync("/flow (refused)");
        output.WriteLine($"invalid revision refused with line {line}: {await error.InnerTextAsync()}");

        await session.GotoAndCheckAsync("/flow/revisions");
        await Expect(page.Locator("tr[data-test=flow-revision]")).ToHaveCountAsync(1);

        // A form without its antiforgery token is refused (a browser always sends it: over HTTP).
        using (var http = new ConsoleHttp(fixture.BaseUrl))
        {
            var signedIn = await http.SignInAsync(ConsoleAccount.Admin);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var (forged, _) = await http.PostFormAsync("/flow", [new("Yaml", setup.ChangedYaml)], token: null);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        // A call in progress, then the revision that changes the VIKA menu's prompt, typed into the page
        // (the browser sends the textarea's lines with CRLF).
        await using var inProgress = await FlowRevisionSetup.DialAsync(server, ct);
        await session.GotoAndCheckAsync("/flow");
        await page.Locator("[data-test=flow-yaml]").FillAsync(setup.ChangedYaml);
        await page.Locator("[data-test=flow-comment]").FillAsync("vika-menu plays info-menu");
        await page.Locator("[data-test=flow-submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(fixture.Url("/flow?activated=2").ToString());
        await Expect(page.Locator("[data-test=flow-activated]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=flow-active-revision]")).ToHaveAttributeAsync("data-revision", "2");
        await session.CheckPageAsync();
        await FlowRevisionSetup.WaitForOutputAsync(server, "Flow revision 2 activated by admin");

        double oldTone = await setup.VikaMenuToneAsync(server, inProgress, ct);
        await using var next = await FlowRevisionSetup.DialAsync(server, ct);
        double newTone = await setup.VikaMenuToneAsync(server, next, ct);
        await inProgress.HangupAsync(ct);
        await next.HangupAsync(ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"440 Hz share after 1: call in progress {oldTone:0.00}, new call {newTone:0.00}"));
        Assert.True(oldTone > 0.6, $"the call in progress did not finish on revision 1 (tone share {oldTone:0.00})");
        Assert.True(newTone < 0.3, $"the new call did not run revision 2 (tone share {newTone:0.00})");

        // The history: revision 2 active; roll back to 1 with its button, and the next call hears the tone again.
        await page.Locator("[data-test=flow-revisions-link]").ClickAsync();
        await Expect(page).ToHaveURLAsync(fixture.Url("/flow/revisions").ToString());
        await session.CheckPageAsync();
        var rows = page.Locator("tr[data-test=flow-revision]");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToHaveAttributeAsync("data-revision", "2");
        await Expect(rows.First).ToHaveAttributeAsync("data-active", "true");
        await Expect(rows.First).ToContainTextAsync("vika-menu plays info-menu");
        await page.Locator("tr[data-test=flow-revision][data-revision='1'] [data-test=flow-revision-activate]").ClickAsync();
        await Expect(page).ToHaveURLAsync(fixture.Url("/flow/revisions?activated=1").ToString());
        await Expect(page.Locator("[data-test=flow-activated]")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-test=flow-revision][data-revision='1']")).ToHaveAttributeAsync("data-active", "true");
        await session.CheckPageAsync();
        await FlowRevisionSetup.WaitForOutputAsync(server, "Flow revision 1 activated by admin");
        string rolledBackId;
        double rolledBackTone;
        await using (var rolledBack = await FlowRevisionSetup.DialAsync(server, ct))
        {
            rolledBackId = rolledBack.Call.CallId;
            rolledBackTone = await setup.VikaMenuToneAsync(server, rolledBack, ct);
            await rolledBack.HangupAsync(ct);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"440 Hz share after the rollback: {rolledBackTone:0.00}"));
        Assert.True(rolledBackTone > 0.6, $"after the rollback a new call did not run revision 1 (tone share {rolledBackTone:0.00})");

        // Each node's traffic: the three calls entered the welcome, the main menu and the VIKA menu.
        foreach (string id in new[] { inProgress.Call.CallId, next.Call.CallId, rolledBackId })
        {
            await CdrReader.WaitForAsync(server, r => r.CallId == id, TimeSpan.FromSeconds(20));
        }

        await session.GotoAndCheckAsync("/flow?days=1");
        await Expect(page.Locator("[data-test=flow-calls]")).ToHaveAttributeAsync("data-calls", "3");
        await ExpectTrafficAsync(page, "welcome", entered: 3, left: 0);
        await ExpectTrafficAsync(page, "main-menu", entered: 3, left: null);
        await ExpectTrafficAsync(page, "vika-menu", entered: 3, left: null);
        output.WriteLine("screenshot: " + await session.ScreenshotAsync("flow-graph"));

        // The stored revision keeps the file's LF although the browser sent CRLF: read from the raw answer.
        var shown = await session.GotoAndCheckAsync("/flow/revisions?show=2");
        await Expect(page.Locator("[data-test=flow-revision-text]")).ToContainTextAsync("prompt: info-menu");
        string raw = await shown.TextAsync();
        Assert.DoesNotContain("\r\n", raw[raw.IndexOf("data-test=\"flow-revision-text\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var db = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = server.DataDir });
        var audit = await new AuditLog(db, TimeProvider.System).GetLatestAsync(20, ct);
        var activations = audit.Where(a => a.Action == "flow.activate").Select(a => (a.Actor, a.Subject)).ToList();
        Assert.Equal([("admin", "revision 1"), ("admin", "revision 2"), ("vika serve", "revision 1")], activations);
        await session.VerifyAsync();
    }

    [Fact]
    public async Task Operators_and_supervisors_cannot_open_the_flow_pages()
    {
        foreach (string role in new[] { ConsoleRoles.Operator, ConsoleRoles.Supervisor })
        {
            await using var session = await fixture.NewSessionAsync();
            await session.SignInAsync(role);
            foreach (string path in new[] { "/flow", "/flow/revisions" })
            {
                var response = await session.GotoAndCheckAsync(path, allowError: true);
                Assert.True(response.Status == 403, $"{role} GET {path}: {response.Status} at {session.Page.Url}");
                Assert.StartsWith("/denied", new Uri(session.Page.Url).AbsolutePath, StringComparison.Ordinal);
                await Expect(session.Page.Locator("[data-test=flow-graph]")).ToHaveCountAsync(0);
                await Expect(session.Page.Locator("[data-test=flow-revisions]")).ToHaveCountAsync(0);
            }

            await session.VerifyAsync();
        }
    }

    /// <summary>A node's traffic as the graph shows it: calls that entered it and (when given) calls that ended there.</summary>
    private static async Task ExpectTrafficAsync(IPage page, string node, int entered, int? left)
    {
        var g = page.Locator($"[data-test=flow-node][data-node='{node}']");
        await Expect(g).ToHaveAttributeAsync("data-entered", entered.ToString(CultureInfo.InvariantCulture));
        if (left is { } l) await Expect(g).ToHaveAttributeAsync("data-left", l.ToString(CultureInfo.InvariantCulture));
    }
}
