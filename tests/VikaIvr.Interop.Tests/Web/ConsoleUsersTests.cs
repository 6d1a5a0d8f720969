using System.Net;
using VikaIvr.Data.Users;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using static Microsoft.Playwright.Assertions;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>The users page (admins) and the audit log it writes, in a real browser.</summary>
[Collection(InteropCollection.Name)]
public sealed class ConsoleUsersTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task An_admin_adds_a_user_changes_the_role_and_disables_it_and_each_change_is_audited()
    {
        await using var admin = await fixture.NewSessionAsync();
        await admin.SignInAsync(ConsoleRoles.Admin);
        await admin.GotoAndCheckAsync("/users");
        var page = admin.Page;

        await page.Locator("[data-test=new-name]").FillAsync("dimas");
        await page.Locator("[data-test=new-role]").SelectOptionAsync(ConsoleRoles.Operator);
        await page.Locator("[data-test=new-password]").FillAsync("rahasia-dimas-1");
        await page.Locator("[data-test=new-password-again]").FillAsync("rahasia-dimas-1");
        await page.Locator("[data-test=user-add]").ClickAsync();
        await Expect(page.Locator("[data-test=users-done]")).ToContainTextAsync("dimas");
        await admin.CheckPageAsync();

        // The new account signs in as an operator: no users page for it.
        await using var dimas = await fixture.NewSessionAsync();
        await dimas.SignInAsync(new ConsoleAccount("dimas", ConsoleRoles.Operator, "rahasia-dimas-1"));
        await Expect(dimas.Page.Locator("[data-test=nav-calls]")).ToHaveCountAsync(0);

        // Made a supervisor: the open session sees it on its next page.
        var row = page.Locator("[data-test=user-row][data-name=dimas]");
        await row.Locator("[data-test=role-select]").SelectOptionAsync(ConsoleRoles.Supervisor);
        await row.Locator("[data-test=role-save]").ClickAsync();
        await Expect(page.Locator("[data-test=users-done]")).ToBeVisibleAsync();
        await dimas.GotoAndCheckAsync("/");
        await Expect(dimas.Page.Locator("[data-test=signed-in-as]")).ToContainTextAsync("supervisor");

        // Disabled: signed out at once, and refused at the form.
        await page.Locator("[data-test=user-row][data-name=dimas] [data-test=user-disable]").ClickAsync();
        await Expect(page.Locator("[data-test=user-row][data-name=dimas] [data-test=user-status]")).ToHaveTextAsync("Nonaktif");
        await dimas.GotoAndCheckAsync("/");
        await Expect(dimas.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await dimas.Page.Locator("[data-test=signin-name]").FillAsync("dimas");
        await dimas.Page.Locator("[data-test=signin-password]").FillAsync("rahasia-dimas-1");
        await dimas.Page.Locator("[data-test=signin-submit]").ClickAsync();
        await Expect(dimas.Page.Locator("[data-test=signin-error]")).ToBeVisibleAsync();
        await dimas.CheckPageAsync();

        await admin.GotoAndCheckAsync("/audit");
        var actions = await page.Locator("[data-test=audit-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action + ' ' + r.cells[1].textContent + ' ' + r.cells[3].textContent)");
        Assert.Equal(
            ["signin.failed dimas dimas", "user.disable admin dimas", "user.role admin dimas", "signin dimas dimas", "user.add admin dimas"],
            actions.Where(a => a.Contains("dimas", StringComparison.Ordinal)).Take(5));
        await Expect(page.Locator("[data-test=audit-row][data-action='user.role'] td").Nth(4)).ToHaveTextAsync("operator -> supervisor");
        await admin.GotoAndCheckAsync("/users");
        await admin.ScreenshotAsync("users");

        await admin.VerifyAsync();
        await dimas.VerifyAsync();
    }

    [Theory]
    [InlineData("tika", "rahasia-tika-1", "rahasia-tika-2", "Error_PasswordMismatch")]
    [InlineData("tika", "pendek", "pendek", "Error_PasswordShort")]
    [InlineData("ti ka", "rahasia-tika-1", "rahasia-tika-1", "Error_Name")]
    [InlineData("admin", "rahasia-tika-1", "rahasia-tika-1", "Error_NameTaken")]
    public async Task A_bad_new_user_is_refused_with_400_and_the_reason(string name, string password, string again, string error)
    {
        await using var admin = await fixture.NewSessionAsync();
        await admin.SignInAsync(ConsoleRoles.Admin);
        await admin.GotoAndCheckAsync("/users");
        var page = admin.Page;
        await page.Locator("[data-test=new-name]").FillAsync(name);
        await page.Locator("[data-test=new-password]").FillAsync(password);
        await page.Locator("[data-test=new-password-again]").FillAsync(again);

        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("[data-test=user-add]").ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Expect(page.Locator("[data-test=users-error]")).ToHaveAttributeAsync("data-error", error);
        await admin.CheckPageAsync();
        Assert.DoesNotContain(password, await page.ContentAsync(), StringComparison.Ordinal);
        await admin.VerifyAsync();
    }

    [Fact]
    public async Task The_users_forms_refuse_a_post_without_the_antiforgery_token_and_an_admin_cannot_disable_themselves()
    {
        using var http = new ConsoleHttp(fixture.BaseUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await http.SignInAsync(ConsoleAccount.Admin)).StatusCode);

        var add = await http.PostFormAsync("/users?handler=Add", [new("name", "tanpa"), new("role", "admin"), new("password", "rahasia-123"), new("passwordAgain", "rahasia-123")], token: null);
        var role = await http.PostFormAsync("/users?handler=Role", [new("name", ConsoleAccount.Operator.Name), new("role", "admin")], token: null);
        var disable = await http.PostFormAsync("/users?handler=Disable", [new("name", ConsoleAccount.Operator.Name)], token: null);
        var enable = await http.PostFormAsync("/users?handler=Enable", [new("name", ConsoleAccount.Operator.Name)], token: null);
        string token = await http.GetTokenAsync("/users");
        var self = await http.PostFormAsync("/users?handler=Disable", [new("name", ConsoleAccount.Admin.Name)], token);
        var (list, body) = await http.GetAsync("/users");

        Assert.Equal(HttpStatusCode.BadRequest, add.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, role.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, disable.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, enable.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, self.Response.StatusCode);
        Assert.Contains("data-error=\"Error_Self\"", self.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("data-name=\"tanpa\"", body, StringComparison.Ordinal);
    }
}
