using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VikaIvr.Interop.Tests.Web.ConsoleHarness;

/// <summary>
/// One browser context (own cookies) and its page on the console. Every document, fetch and XHR
/// answer the page receives is checked for personal data (<see cref="PersonalDataCheck"/>); call
/// <see cref="VerifyAsync"/> at the end of the test to fail on any. <see cref="GotoAndCheckAsync"/>
/// also checks the rendered page at once.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<Task<string?>> _checks = new();

    internal ConsoleSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        context.Response += (_, response) => _checks.Enqueue(CheckAsync(response));
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Opens a console path, fails on an error status unless <paramref name="allowError"/>, and checks the page for personal data.</summary>
    public async Task<IResponse> GotoAndCheckAsync(string path, bool allowError = false)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException("no answer for " + path);
        if (!allowError)
        {
            Assert.True(response.Ok, $"GET {path} answered {response.Status}:\n{await Page.ContentAsync()}");
        }

        await CheckPageAsync(path);
        return response;
    }

    /// <summary>Checks what the page shows now (after a click, a form post, a live refresh).</summary>
    public async Task CheckPageAsync(string? where = null) =>
        PersonalDataCheck.AssertNoPersonalData(await Page.ContentAsync(), where ?? Page.Url);

    /// <summary>Signs in on /signin as the test account of <paramref name="role"/> and waits for the dashboard.</summary>
    public async Task SignInAsync(string role) => await SignInAsync(ConsoleAccount.For(role));

    public async Task SignInAsync(ConsoleAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        await GotoAndCheckAsync("/signin");
        await Page.Locator("[data-test=signin-name]").FillAsync(account.Name);
        await Page.Locator("[data-test=signin-password]").FillAsync(account.Password);
        await Page.Locator("[data-test=signin-submit]").ClickAsync();
        await Expect(Page.Locator("[data-test=signed-in-as]")).ToContainTextAsync(account.Name);
        await CheckPageAsync();
    }

    /// <summary>Saves a screenshot of the page (see <see cref="Screenshots"/>).</summary>
    public Task<string> ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);

    /// <summary>Fails when any answer the browser received held personal data.</summary>
    public async Task VerifyAsync()
    {
        var failures = new List<string>();
        while (_checks.TryDequeue(out var check))
        {
            if (await check is { } failure) failures.Add(failure);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private static async Task<string?> CheckAsync(IResponse response)
    {
        if (response.Request.ResourceType is not ("document" or "fetch" or "xhr")) return null;
        string type = (await response.AllHeadersAsync()).GetValueOrDefault("content-type", "");
        if (!type.Contains("html", StringComparison.Ordinal) && !type.Contains("json", StringComparison.Ordinal) && !type.Contains("text", StringComparison.Ordinal)) return null;
        try
        {
            PersonalDataCheck.AssertNoPersonalData(await response.TextAsync(), response.Url);
            return null;
        }
        catch (PlaywrightException)
        {
            // A redirect or an answer the page already left has no body to read.
            return null;
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            return ex.Message;
        }
    }
}
