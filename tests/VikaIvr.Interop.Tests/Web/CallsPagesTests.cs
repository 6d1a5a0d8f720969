using System.Globalization;
using Microsoft.Playwright;
using VikaIvr.Data.Users;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using static Microsoft.Playwright.Assertions;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// The calls pages in a real browser over real calls (placed by the live test caller): found on
/// /calls by outcome and node, opened, their path in order with each node's time as stored, and
/// no participant's NIK, card number or birth date in full on any page visited.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class CallsPagesTests(CallsConsoleFixture fixture) : IClassFixture<CallsConsoleFixture>
{
    /// <summary>Budi's status call through config/flows/vika.yaml, node by node.</summary>
    private static readonly string[] BudiPath =
    [
        "welcome", "main-menu", "vika-menu", "choose-status", "enter-id", "enter-dob", "verify",
        "choose-answer", "load-status", "status-answer", "after-result", "goodbye", "end",
    ];

    [Fact]
    public async Task A_call_is_found_by_outcome_and_node_and_its_page_shows_the_path_in_order_with_times()
    {
        var budi = fixture.Budi;
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Supervisor);
        var page = session.Page;

        // Both calls are listed, newest first.
        await session.GotoAndCheckAsync("/calls");
        Assert.Equal([fixture.Invalid.CallId, budi.CallId], await RowIdsAsync(page));

        // The filter form (GET) by outcome and node leaves Budi's call only.
        await page.Locator("[data-test=filter-outcome]").SelectOptionAsync("status-answered");
        await page.Locator("[data-test=filter-node]").SelectOptionAsync("enter-dob");
        await page.Locator("[data-test=filter-apply]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("outcome=status-answered&reason=&node=enter-dob"));
        await session.CheckPageAsync();
        Assert.Equal([budi.CallId], await RowIdsAsync(page));
        var row = page.Locator("[data-test=call-row]");
        await Expect(row.Locator("[data-test=call-outcome]")).ToHaveTextAsync("status-answered");
        await Expect(row.Locator("[data-test=call-end-reason]")).ToHaveTextAsync(budi.EndReason!);
        await Expect(row.Locator("[data-test=call-caller]")).ToHaveTextAsync(budi.Caller!);
        await Expect(row.Locator("[data-test=call-called]")).ToHaveTextAsync("165");

        // A node both calls visited shows both; the wrong choices' outcome only that call; a part of
        // node ids ("enter" of enter-id, enter-dob) matches no node at all.
        await session.GotoAndCheckAsync("/calls?node=main-menu");
        Assert.Equal([fixture.Invalid.CallId, budi.CallId], await RowIdsAsync(page));
        await session.GotoAndCheckAsync("/calls?outcome=" + Uri.EscapeDataString(fixture.Invalid.Outcome!));
        Assert.Equal([fixture.Invalid.CallId], await RowIdsAsync(page));
        await session.GotoAndCheckAsync("/calls?node=enter");
        await Expect(page.Locator("[data-test=calls-empty]")).ToBeVisibleAsync();

        // Budi's page: the path in order, each node entered when the record says, staying until the next.
        await session.GotoAndCheckAsync("/calls?outcome=status-answered");
        await page.Locator("[data-test=call-link]").ClickAsync();
        await Expect(page).ToHaveURLAsync(fixture.Url("/calls/" + Uri.EscapeDataString(budi.CallId)).ToString());
        await session.CheckPageAsync();
        var steps = page.Locator("[data-test=path-step]");
        Assert.Equal(BudiPath, await AttributesAsync(steps, "data-node"));
        var entered = (await AttributesAsync(steps, "data-entered-ms")).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList();
        var spent = (await AttributesAsync(steps, "data-spent-ms")).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(fixture.BudiNodeTimes, entered);
        for (int i = 0; i + 1 < entered.Count; i++) Assert.Equal(entered[i + 1] - entered[i], spent[i]);
        // Budi keyed 16 digits and a '#' at enter-id, then listened to the status: seconds, not instants.
        Assert.InRange(spent[Array.IndexOf(BudiPath, "enter-id")], 1_000, 60_000);
        Assert.InRange(spent[Array.IndexOf(BudiPath, "status-answer")], 1_000, 60_000);
        Assert.True(spent[^1] >= 0);

        await Expect(page.Locator("[data-test=call-dtmf]")).ToHaveTextAsync("rfc4733");
        await Expect(page.Locator("[data-test=call-codec]")).ToHaveTextAsync(budi.Codec!);
        await Expect(page.Locator("[data-test=call-ended-by]")).ToHaveTextAsync(budi.EndedBy!);
        await Expect(page.Locator("[data-test=speech-latency]")).ToContainTextAsync(" ms");
        Assert.True(long.Parse(await page.Locator("[data-test=rtp-sent]").InnerTextAsync(), CultureInfo.InvariantCulture) > 100);
        // The NIK is shown masked exactly as the record stores it, the birth date not at all.
        await Expect(page.Locator("[data-test=call-event]").Filter(new() { HasText = "collect enter-id" })).ToContainTextAsync("3171********0001");
        await Expect(page.Locator("[data-test=call-event]").Filter(new() { HasText = "collect enter-dob" })).ToContainTextAsync("********");

        await session.ScreenshotAsync("call-path");
        await session.VerifyAsync();
    }

    [Fact]
    public async Task The_pages_go_older_and_newer_one_call_at_a_time()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Admin);
        var page = session.Page;

        await session.GotoAndCheckAsync("/calls?size=1");
        Assert.Equal([fixture.Invalid.CallId], await RowIdsAsync(page));
        await Expect(page.Locator("[data-test=calls-newer]")).ToHaveCountAsync(0);
        await page.Locator("[data-test=calls-older]").ClickAsync();
        Assert.Equal([fixture.Budi.CallId], await RowIdsAsync(page));
        await Expect(page.Locator("[data-test=calls-older]")).ToHaveCountAsync(0);
        await page.Locator("[data-test=calls-newer]").ClickAsync();
        Assert.Equal([fixture.Invalid.CallId], await RowIdsAsync(page));
        await session.CheckPageAsync();

        // A call id no record has: 404 with a sentence, not an error page.
        var missing = await session.GotoAndCheckAsync("/calls/" + Uri.EscapeDataString(fixture.Budi.CallId + "x"), allowError: true);
        Assert.Equal(404, missing.Status);
        await Expect(page.Locator("[data-test=call-not-found]")).ToBeVisibleAsync();
        await session.VerifyAsync();
    }

    [Fact]
    public async Task On_a_phone_the_page_does_not_scroll_sideways_and_labels_switch_to_English()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Supervisor);
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);

        foreach (string path in new[] { "/calls", "/calls/" + Uri.EscapeDataString(fixture.Budi.CallId) })
        {
            await session.GotoAndCheckAsync(path);
            // Wide tables scroll inside their own box; the page itself fits the screen.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), path + " is wider than a phone");
        }

        await session.GotoAndCheckAsync("/calls?culture=en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Calls");
        await session.GotoAndCheckAsync("/calls?culture=id");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Panggilan");
        await session.VerifyAsync();
    }

    [Fact]
    public async Task An_operator_may_not_open_the_calls()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Operator);
        foreach (string path in new[] { "/calls", "/calls/" + Uri.EscapeDataString(fixture.Budi.CallId) })
        {
            await session.GotoAndCheckAsync(path, allowError: true);
            await Expect(session.Page.Locator("[data-test=call-row], [data-test=call-path]")).ToHaveCountAsync(0);
            Assert.Contains("/denied", session.Page.Url, StringComparison.Ordinal);
        }

        await session.VerifyAsync();
    }

    private static async Task<List<string>> RowIdsAsync(IPage page) =>
        await AttributesAsync(page.Locator("[data-test=call-row]"), "data-call-id");

    private static async Task<List<string>> AttributesAsync(ILocator locator, string name)
    {
        var values = new List<string>();
        for (int i = 0, n = await locator.CountAsync(); i < n; i++)
        {
            values.Add(await locator.Nth(i).GetAttributeAsync(name) ?? throw new InvalidOperationException($"no {name} on item {i}"));
        }

        return values;
    }
}
