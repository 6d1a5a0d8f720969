using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Admission;

namespace VikaIvr.Sip.Tests.Admission;

public sealed class SipCallRateLimiterTests
{
    [Fact]
    public void A_second_s_worth_of_calls_then_one_call_per_token_refilled()
    {
        var time = new FakeTimeProvider();
        var rate = new SipCallRateLimiter(5, time);

        for (int i = 0; i < 5; i++)
        {
            Assert.True(rate.TryTake());
        }

        Assert.False(rate.TryTake());
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(rate.TryTake());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(rate.TryTake());
        Assert.False(rate.TryTake());
        time.Advance(TimeSpan.FromMinutes(1));
        for (int i = 0; i < 5; i++)
        {
            Assert.True(rate.TryTake());
        }

        Assert.False(rate.TryTake());
    }

    [Fact]
    public void Zero_is_no_limit()
    {
        var rate = new SipCallRateLimiter(0, new FakeTimeProvider());

        Assert.All(Enumerable.Range(0, 10_000), _ => Assert.True(rate.TryTake()));
    }
}
