using System.Net;
using VikaIvr.Data.Users;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using static Microsoft.Playwright.Assertions;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>Signing in to the console in a real browser (Debian's chromium through Playwright), and what it refuses.</summary>
[Collection(InteropCollection.Name)]
public sealed class ConsoleSignInTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task Signing_in_shows_the_dashboard()
    {
        await using var session = await fixture.NewSessionAsync();

        await session.SignInAsync(ConsoleRoles.Supervisor);

        await Expect(session.Page).ToHaveURLAsync(fixture.Url("/").ToString());
        await Expect(session.Page.Locator("[data-test=active-calls]")).ToBeVisibleAsync();
        await session.VerifyAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_third_failure_locks_the_name_with_429_and_a_message()
    {
        var account = new ConsoleAccount("ayu", ConsoleRoles.Operator, "rahasia-ayu-123");
        await fixture.AddUserAsync(account.Name, account.Role, account.Password);
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAndCheckAsync("/signin");

        var statuses = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            statuses.Add(await SubmitAsync(session, account.Name, "salah-" + i));
            await Expect(session.Page.Locator("[data-test=signin-error]")).ToBeVisibleAsync();
        }

        // The right password now: refused without being checked, with a time to wait.
        var locked = await session.Page.RunAndWaitForResponseAsync(
            () => Fill(session, account.Name, account.Password),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/signin", StringComparison.Ordinal));

        Assert.Equal([401, 401, 401], statuses);
        Assert.Equal(429, locked.Status);
        var headers = await locked.AllHeadersAsync();
        Assert.InRange(int.Parse(headers["retry-after"], System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        await Expect(session.Page.Locator("[data-test=signin-throttled]")).ToContainTextAsync("Terlalu banyak percobaan");
        await Expect(session.Page.Locator("[data-test=signed-in-as]")).ToHaveCountAsync(0);
        await session.CheckPageAsync();
        // Another account from the same address still signs in: the lock is the name's.
        await using var other = await fixture.NewSessionAsync();
        await other.SignInAsync(ConsoleRoles.Operator);
        Assert.Contains("console sign-in failed for 'ayu' from 127.0.0.1: wrong password", fixture.Server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("salah-", fixture.Server.Output, StringComparison.Ordinal);
        await session.VerifyAsync();
        await other.VerifyAsync();
    }

    [Fact]
    public async Task An_unknown_name_is_refused_like_a_wrong_password()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAndCheckAsync("/signin");

        int status = await SubmitAsync(session, "tidak-ada", "rahasia-apa-saja");

        Assert.Equal(401, status);
        await Expect(session.Page.Locator("[data-test=signin-error]")).ToBeVisibleAsync();
        await session.VerifyAsync();
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/audit")]
    public async Task An_operator_is_denied_the_admin_pages(string path)
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Operator);

        var response = await session.GotoAndCheckAsync(path, allowError: true);

        Assert.Equal(403, response.Status);
        await Expect(session.Page.Locator("[data-test=denied]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-test=nav-users]")).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("[data-test=nav-flow]")).ToHaveCountAsync(0);
        await session.VerifyAsync();
    }

    [Fact]
    public async Task An_operator_cannot_open_the_flow_page()
    {
        await using var admin = await fixture.NewSessionAsync();
        await admin.SignInAsync(ConsoleRoles.Admin);
        int forAdmin = await StatusAsync(admin, "/flow");
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Operator);

        int forOperator = await StatusAsync(session, "/flow");

        // The flow page is another part's; until it is merged there is no /flow for anyone.
        Assert.Equal(forAdmin == 200 ? 403 : 404, forOperator);
        await session.VerifyAsync();
        await admin.VerifyAsync();
    }

    [Fact]
    public async Task Pages_ask_for_a_sign_in_first()
    {
        await using var session = await fixture.NewSessionAsync();

        await session.GotoAndCheckAsync("/users");

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2Fusers$"));
        await session.VerifyAsync();
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused_with_400()
    {
        using var http = new ConsoleHttp(fixture.BaseUrl);
        var account = ConsoleAccount.Admin;

        var (signIn, _) = await http.PostFormAsync("/signin", [new("name", account.Name), new("password", account.Password)], token: null);
        var (language, _) = await http.PostFormAsync("/language", [new("culture", "en"), new("returnUrl", "/")], token: null);
        var signedIn = await http.SignInAsync(account);
        var (signedInLanguage, _) = await http.PostFormAsync("/language", [new("culture", "en"), new("returnUrl", "/")], token: null);
        var (signOut, _) = await http.PostFormAsync("/signout", [], token: null);
        var (stillIn, _) = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signedInLanguage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task English_is_selectable_and_kept()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAndCheckAsync("/signin");
        await Expect(session.Page.Locator("[data-test=signin-submit]")).ToHaveTextAsync("Masuk");

        await session.Page.Locator("[data-test=language]").SelectOptionAsync("en");

        await Expect(session.Page.Locator("[data-test=signin-submit]")).ToHaveTextAsync("Sign in");
        await session.GotoAndCheckAsync("/signin");
        await Expect(session.Page.Locator("[data-test=signin-submit]")).ToHaveTextAsync("Sign in");
        await session.VerifyAsync();
    }

    /// <summary>The status of a GET with the session's cookies, redirects followed (a browser shows an empty 404 as its own error page).</summary>
    private static async Task<int> StatusAsync(ConsoleSession session, string path)
    {
        var response = await session.Context.APIRequest.GetAsync(path);
        PersonalDataCheck.AssertNoPersonalData(await response.TextAsync(), "GET " + path);
        return response.Status;
    }

    private static async Task<int> SubmitAsync(ConsoleSession session, string name, string password)
    {
        var response = await session.Page.RunAndWaitForResponseAsync(
            () => Fill(session, name, password),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/signin", StringComparison.Ordinal));
        await session.CheckPageAsync();
        return response.Status;
    }

    private static async Task Fill(ConsoleSession session, string name, string password)
    {
        await session.Page.Locator("[data-test=signin-name]").FillAsync(name);
        await session.Page.Locator("[data-test=signin-password]").FillAsync(password);
        await session.Page.Locator("[data-test=signin-submit]").ClickAsync();
    }
}
