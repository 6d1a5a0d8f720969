using VikaIvr.Data.Users;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using static Microsoft.Playwright.Assertions;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>Signing in to the console in a real browser (Debian's chromium through Playwright).</summary>
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
}
