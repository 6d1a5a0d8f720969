using Microsoft.Extensions.Time.Testing;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Tests.Web;

/// <summary>The sign-in lockouts on a fake clock: when a name or an address is refused, for how long, and when it is let go.</summary>
public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_clock, new SignInLimits());

    [Fact]
    public void Three_failures_for_a_name_refuse_it_for_a_minute_from_any_address()
    {
        Fail("sari", "10.0.0.1", 2);
        Assert.Null(_throttle.RetryAfter("sari", "10.0.0.1"));

        Fail("sari", "10.0.0.2", 1);

        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.RetryAfter("sari", "10.0.0.3"));
        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.RetryAfter("SARI ", "10.0.0.3"));
        Assert.Null(_throttle.RetryAfter("wahyu", "10.0.0.1"));
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.RetryAfter("sari", "10.0.0.1"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_throttle.RetryAfter("sari", "10.0.0.1"));
    }

    [Fact]
    public void Each_failure_after_a_lockout_doubles_the_next_up_to_fifteen_minutes()
    {
        Fail("sari", "10.0.0.1", 3);
        var waits = new List<TimeSpan>();
        for (int i = 0; i < 6; i++)
        {
            _clock.Advance(_throttle.RetryAfter("sari", "10.0.0.1") ?? TimeSpan.Zero);
            Fail("sari", "10.0.0.1", 1);
            waits.Add(_throttle.RetryAfter("sari", "10.0.0.1") ?? TimeSpan.Zero);
        }

        Assert.Equal([2, 4, 8, 15, 15, 15], waits.Select(w => w.TotalMinutes));
    }

    [Fact]
    public void Ten_failures_from_one_address_refuse_every_name_from_it()
    {
        for (int i = 0; i < 10; i++)
        {
            Assert.Null(_throttle.RetryAfter("guess" + i, "10.0.0.9"));
            Fail("guess" + i, "10.0.0.9", 1);
        }

        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.RetryAfter("admin", "10.0.0.9"));
        Assert.Null(_throttle.RetryAfter("admin", "10.0.0.8"));
    }

    [Fact]
    public void A_success_clears_the_name_but_not_the_address()
    {
        Fail("sari", "10.0.0.1", 2);
        for (int i = 0; i < 7; i++) Fail("other" + i, "10.0.0.1", 1);

        _throttle.Succeeded("sari");
        Fail("sari", "10.0.0.2", 2);
        Assert.Null(_throttle.RetryAfter("sari", "10.0.0.2"));

        // 10.0.0.1 has 9 failures; its tenth locks it, whatever name succeeded in between.
        Fail("x", "10.0.0.1", 1);
        Assert.NotNull(_throttle.RetryAfter("anyone", "10.0.0.1"));
    }

    [Fact]
    public void Failures_are_forgotten_after_a_quiet_quarter_of_an_hour()
    {
        Fail("sari", "10.0.0.1", 2);
        _clock.Advance(TimeSpan.FromMinutes(16));

        Fail("sari", "10.0.0.1", 2);

        Assert.Null(_throttle.RetryAfter("sari", "10.0.0.1"));
    }

    [Fact]
    public void A_flood_of_names_stays_bounded_and_keeps_running_lockouts()
    {
        var throttle = new SignInThrottle(_clock, new SignInLimits { MaxTracked = 100, FailuresPerAddress = int.MaxValue });
        for (int i = 0; i < 3; i++) throttle.Failed("sari", "10.0.0.1");
        for (int i = 0; i < 1000; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            throttle.Failed("flood" + i, "10.0.0.2");
        }

        Assert.NotNull(throttle.RetryAfter("sari", "10.0.0.3"));
    }

    private void Fail(string name, string address, int times)
    {
        for (int i = 0; i < times; i++) _throttle.Failed(name, address);
    }
}
