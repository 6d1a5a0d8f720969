using System.Net;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// The limits that hold for a whole client address (loopback here, so a server of their own:
/// they would refuse the other tests' sign-ins). Counted, not timed: each asserts on the answer
/// to the attempt past a count.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ConsoleSignInLimitTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task Ten_failures_from_one_address_refuse_it_even_the_right_password_then_a_burst_of_posts_is_cut_with_429()
    {
        using var http = new ConsoleHttp(fixture.BaseUrl);
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 10; i++)
        {
            statuses.Add((await http.SignInAsync("tebakan" + i, "bukan-sandinya")).StatusCode);
        }

        var locked = await http.SignInAsync(ConsoleAccount.Admin);
        string lockedPage = await locked.Content.ReadAsStringAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter?.Delta);
        Assert.Contains("data-test=\"signin-throttled\"", lockedPage, StringComparison.Ordinal);

        // The rate limiter in front: posts (even ones the antiforgery check would refuse) past the
        // burst of 20 are answered 429 before any page runs. 11 posts so far; 30 more cannot all pass
        // unless they took minutes (one more post is allowed every 6 s).
        var burst = new List<HttpResponseMessage>();
        for (int i = 0; i < 30; i++)
        {
            burst.Add((await http.PostFormAsync("/signin", [new("name", "x"), new("password", "y")], token: null)).Response);
        }

        var cut = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(cut);
        Assert.All(cut, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After"));
        string cutPage = await cut[0].Content.ReadAsStringAsync();
        Assert.Contains("data-test=\"signin-rate-limited\"", cutPage, StringComparison.Ordinal);
        Assert.Contains("Terlalu banyak percobaan masuk dari alamat ini", cutPage, StringComparison.Ordinal);
        // Only the sign-in posts are limited: the pages still answer.
        var (signInPage, _) = await http.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
    }
}
