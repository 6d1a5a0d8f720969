using System.Net;
using VikaIvr.Data.Users;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using static Microsoft.Playwright.Assertions;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>The dashboard in a real browser while a real SIPp call runs against the server.</summary>
[Collection(InteropCollection.Name)]
public sealed class ConsoleDashboardTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private static readonly Microsoft.Playwright.LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_dashboard_shows_a_call_in_progress_while_it_runs_and_its_outcome_after_without_a_reload()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Supervisor);
        var page = session.Page;
        var active = page.Locator("[data-test=active-calls]");
        await Expect(active).ToHaveTextAsync("0");
        await Expect(page.Locator("[data-test=no-outcomes]")).ToBeVisibleAsync();
        var checks = await page.Locator("[data-test=check]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.check)");
        Assert.Equal(["database", "prompts", "speech"], checks.Order());
        // Set in this document: still there at the end only if the page was never reloaded.
        await page.EvaluateAsync("() => { window.vikaNoReload = 'same-document'; }");

        var call = SippRunner.RunAsync(new SippRun { Scenario = "uac_call.xml", PauseMs = 12_000, Timeout = TimeSpan.FromSeconds(60) }, fixture.Server.SipEndPoint);

        await Expect(active).ToHaveTextAsync("1", Live);
        await Expect(page.Locator("[data-test=calls-today]")).ToHaveTextAsync("1", Live);
        await Expect(page.Locator("[data-test=calls-last-hour]")).ToHaveTextAsync("1");
        await session.CheckPageAsync();
        await session.ScreenshotAsync("dashboard");
        var result = await call;
        await Expect(active).ToHaveTextAsync("0", Live);
        await Expect(page.Locator("[data-test=outcome-count]")).ToHaveTextAsync("1", Live);
        await session.CheckPageAsync();
        Assert.Equal("same-document", await page.EvaluateAsync<string>("() => window.vikaNoReload"));
        Assert.True(result.Statistics.TotalCalls == 1, "SIPp placed no call:\n" + result.Process.Describe());
        await session.VerifyAsync();
    }

    [Fact]
    public async Task The_live_figures_need_a_sign_in()
    {
        using var anonymous = new ConsoleHttp(fixture.BaseUrl);
        using var signedIn = new ConsoleHttp(fixture.BaseUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SignInAsync(ConsoleAccount.Operator)).StatusCode);

        var (refused, _) = await anonymous.GetAsync("/?handler=Live");
        var (answered, fragment) = await signedIn.GetAsync("/?handler=Live");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/signin", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("data-test=\"active-calls\"", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
    }
}
