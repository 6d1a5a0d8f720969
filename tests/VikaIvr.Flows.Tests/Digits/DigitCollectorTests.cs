using Microsoft.Extensions.Time.Testing;
using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Simulation;

namespace VikaIvr.Flows.Tests.Digits;

/// <summary>The collection rules, written once, as real calls and the simulator both meet them.</summary>
public class DigitCollectorTests
{
    private static readonly DigitOptions Entry = new()
    {
        MaxDigits = 8, Terminators = "#", FirstDigitTimeout = TimeSpan.FromSeconds(10), InterDigitTimeout = TimeSpan.FromSeconds(5),
        DiscardLeadingTerminator = true,
    };

    [Fact]
    public async Task A_discarded_leading_terminator_does_not_restart_the_first_digit_timeout()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        var task = DigitCollector.CollectAsync(q, Entry, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(q.Post('#', DtmfSource.Rfc4733));
        time.Advance(TimeSpan.FromSeconds(4) - TimeSpan.FromTicks(1));
        Assert.False(task.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(DigitResult.NoInput, await task);
    }

    [Fact]
    public async Task Only_one_leading_terminator_is_discarded()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        var task = DigitCollector.CollectAsync(q, Entry, CancellationToken.None);
        q.Post('#', DtmfSource.SipInfo);
        Assert.False(task.IsCompleted);
        q.Post('#', DtmfSource.SipInfo);
        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(new DigitResult("", DigitTermination.Terminator), await task);
    }

    [Fact]
    public async Task A_terminator_after_a_key_is_never_discarded()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        var task = DigitCollector.CollectAsync(q, Entry, CancellationToken.None);
        q.Post('4', DtmfSource.SipInfo);
        q.Post('#', DtmfSource.SipInfo);
        Assert.Equal(new DigitResult("4", DigitTermination.Terminator), await task);
    }

    [Fact]
    public async Task The_inter_digit_timeout_runs_from_the_last_key()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        var task = DigitCollector.CollectAsync(q, Entry, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(9));
        q.Post('1', DtmfSource.Rfc4733);
        time.Advance(TimeSpan.FromSeconds(4));
        q.Post('2', DtmfSource.Rfc4733);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(task.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(new DigitResult("12", DigitTermination.InterDigitTimeout), await task);
    }

    [Fact]
    public void A_key_completes_the_entry_inside_post_so_a_driver_sees_the_result_at_once()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        var task = DigitCollector.CollectAsync(q, new DigitOptions { MaxDigits = 2 }, CancellationToken.None);
        q.Post('1', DtmfSource.Rfc4733);
        Assert.False(task.IsCompleted);
        q.Post('2', DtmfSource.Rfc4733);
        Assert.True(task.IsCompletedSuccessfully);
        q.Post('3', DtmfSource.Rfc4733);
        Assert.True(q.TryTake(out char typedAhead));
        Assert.Equal('3', typedAhead);
    }

    [Fact]
    public async Task A_closed_queue_ends_a_wait_and_refuses_keys()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        var wait = q.WaitAsync(Timeout.InfiniteTimeSpan, CancellationToken.None);
        q.Complete();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.False(q.Post('1', DtmfSource.Rfc4733));
        Assert.Equal(DigitTermination.Hangup, (await DigitCollector.CollectAsync(q, Entry, CancellationToken.None)).Termination);
    }

    [Fact]
    public async Task The_simulated_call_collects_by_the_same_rule_on_its_virtual_clock()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7)));
        using var call = new SimulatedCall(clock, "sim-digits", "0811", "165");
        var task = call.CollectDigitsAsync(Entry, CancellationToken.None);
        await call.WhenBlocked().WaitAsync(TimeSpan.FromSeconds(5));
        call.PressAt(clock.Origin + TimeSpan.FromSeconds(6), '#');
        while (!task.IsCompleted && clock.FireNext(clock.Origin + TimeSpan.FromMinutes(1))) { }
        var r = await task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(DigitResult.NoInput, r);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
    }
}
