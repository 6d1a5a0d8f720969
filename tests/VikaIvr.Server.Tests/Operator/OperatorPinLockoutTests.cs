using Microsoft.Extensions.Time.Testing;
using VikaIvr.Server.Hosting.Operator;

namespace VikaIvr.Server.Tests.Operator;

/// <summary>The lockout table on a fake clock: when a lock starts, how long it lasts, what the window forgets, and its bound.</summary>
public sealed class OperatorPinLockoutTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_nth_wrong_pin_starts_a_lock_that_lasts_the_configured_time()
    {
        var lockout = new OperatorPinLockout(5, TimeSpan.FromMinutes(15), 64, _time);
        for (int i = 1; i < 5; i++)
        {
            Assert.Equal(new OperatorPinFailure(i, LockStarted: false), lockout.Fail("caller:0811"));
            Assert.False(lockout.IsLocked("caller:0811"));
        }

        Assert.Equal(new OperatorPinFailure(5, LockStarted: true), lockout.Fail("caller:0811"));
        Assert.True(lockout.IsLocked("caller:0811"));

        // Locked: more tries neither count nor restart the lock.
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new OperatorPinFailure(5, LockStarted: false), lockout.Fail("caller:0811"));
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.True(lockout.IsLocked("caller:0811"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(lockout.IsLocked("caller:0811"));

        // After the lock the count starts again.
        Assert.Equal(new OperatorPinFailure(1, LockStarted: false), lockout.Fail("caller:0811"));
    }

    [Fact]
    public void Wrong_pins_older_than_the_window_are_forgotten()
    {
        var lockout = new OperatorPinLockout(3, TimeSpan.FromMinutes(15), 64, _time);
        lockout.Fail("source:10.0.0.7");
        lockout.Fail("source:10.0.0.7");
        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(new OperatorPinFailure(1, LockStarted: false), lockout.Fail("source:10.0.0.7"));
        Assert.False(lockout.IsLocked("source:10.0.0.7"));
    }

    [Fact]
    public void Keys_count_apart_and_the_right_pin_forgets_an_unlocked_keys_failures()
    {
        var lockout = new OperatorPinLockout(2, TimeSpan.FromMinutes(15), 64, _time);
        lockout.Fail("caller:0811");
        lockout.Fail("source:10.0.0.7");
        lockout.Passed("caller:0811");

        Assert.Equal(new OperatorPinFailure(1, LockStarted: false), lockout.Fail("caller:0811"));
        Assert.Equal(new OperatorPinFailure(2, LockStarted: true), lockout.Fail("source:10.0.0.7"));
        Assert.False(lockout.IsLocked("caller:0811"));

        // A locked key is never checked, so a pass cannot lift its lock.
        lockout.Passed("source:10.0.0.7");
        Assert.True(lockout.IsLocked("source:10.0.0.7"));
    }

    [Fact]
    public void The_table_is_bounded_and_a_flood_of_new_keys_evicts_unlocked_ones_before_a_lock()
    {
        var lockout = new OperatorPinLockout(2, TimeSpan.FromMinutes(15), 8, _time);
        lockout.Fail("source:10.0.0.7");
        lockout.Fail("source:10.0.0.7");
        for (int i = 0; i < 1000; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            lockout.Fail($"caller:{i:0000}");
            Assert.InRange(lockout.Count, 1, 8);
        }

        Assert.True(lockout.IsLocked("source:10.0.0.7"));
        // The most recent key survived the flood; the oldest were evicted.
        Assert.Equal(new OperatorPinFailure(2, LockStarted: true), lockout.Fail("caller:0999"));
        Assert.Equal(new OperatorPinFailure(1, LockStarted: false), lockout.Fail("caller:0000"));
    }

    [Fact]
    public void Entries_whose_window_and_lock_are_over_make_room_first()
    {
        var lockout = new OperatorPinLockout(1, TimeSpan.FromMinutes(15), 4, _time);
        for (int i = 0; i < 4; i++) lockout.Fail($"caller:{i}");
        Assert.Equal(4, lockout.Count);
        _time.Advance(TimeSpan.FromMinutes(15));

        lockout.Fail("caller:new");

        Assert.Equal(1, lockout.Count);
        Assert.True(lockout.IsLocked("caller:new"));
    }
}
