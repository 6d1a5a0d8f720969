using Microsoft.Extensions.Time.Testing;
using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Tests.Digits;

/// <summary>
/// The key that completes an entry must not cut what the flow plays next (the live status-budi
/// call whose answer was never heard: the date of birth's last key, raised as a barge-in after the
/// entry had already ended, cancelled the synthesized answer the flow had just started on another thread).
/// </summary>
public class DigitQueueBargeInTests
{
    private static readonly DigitOptions OneKey = new() { MinDigits = 1, MaxDigits = 1, FirstDigitTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task The_key_that_completes_an_entry_is_announced_before_the_entry_ends()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        var entry = DigitCollector.CollectAsync(q, OneKey, CancellationToken.None);
        bool? endedWhenAnnounced = null;
        q.Listener = new Listener((_, _) => endedWhenAnnounced = entry.IsCompleted);

        Assert.True(q.Post('5', DtmfSource.Rfc4733));

        // Once the entry has ended, the flow may already be playing its next prompt with barge-in
        // on another thread; an announcement after that moment would stop it.
        Assert.False(endedWhenAnnounced, "the entry had ended before its last key was announced");
        Assert.True(entry.IsCompleted, "Post hands the completing key over before it returns");
        Assert.Equal("5", (await entry).Digits);
    }

    [Fact]
    public async Task A_playback_started_when_the_entry_ends_hears_no_announcement_of_its_keys()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        var entry = DigitCollector.CollectAsync(q, new DigitOptions { MinDigits = 8, MaxDigits = 8, FirstDigitTimeout = TimeSpan.FromSeconds(10), InterDigitTimeout = TimeSpan.FromSeconds(5) }, CancellationToken.None);
        int stops = 0;
        var playing = entry.ContinueWith(_ => q.Listener = new Listener((_, _) => Interlocked.Increment(ref stops)), TaskScheduler.Default);

        foreach (char key in "17081985") Assert.True(q.Post(key, DtmfSource.Rfc4733));
        await playing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("17081985", (await entry).Digits);
        Assert.Equal(0, Volatile.Read(ref stops));
        Assert.True(q.Post('9', DtmfSource.Rfc4733), "a key after the playback started");
        Assert.Equal(1, Volatile.Read(ref stops));
    }

    [Fact]
    public async Task A_failing_listener_does_not_leave_the_entry_waiting()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        var entry = DigitCollector.CollectAsync(q, OneKey, CancellationToken.None);
        q.Listener = new Listener((_, _) => throw new InvalidOperationException("listener failed"));

        Assert.Throws<InvalidOperationException>(() => q.Post('1', DtmfSource.SipInfo));

        var result = await entry.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("1", result.Digits);
        Assert.Equal(DigitTermination.MaxDigits, result.Termination);
    }

    [Fact]
    public async Task A_late_told_key_is_numbered_within_the_count_the_flow_sees_once_it_has_the_key()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        var told = new List<(char Key, long Number)>();
        long countWhenEntryEnded = -1;
        var entry = DigitCollector.CollectAsync(q, new DigitOptions { MinDigits = 2, MaxDigits = 2, FirstDigitTimeout = TimeSpan.FromSeconds(10), InterDigitTimeout = TimeSpan.FromSeconds(5) }, CancellationToken.None);
        var afterEntry = entry.ContinueWith(_ => countWhenEntryEnded = q.AcceptedCount, TaskScheduler.Default);
        q.Listener = new Listener((key, number) => told.Add((key, number)));

        Assert.True(q.Post('4', DtmfSource.Rfc4733));
        Assert.False(q.Post('4', DtmfSource.SipInfo), "a cross-source duplicate is not a key of its own");
        Assert.True(q.Post('2', DtmfSource.Rfc4733));
        await afterEntry.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([('4', 1L), ('2', 2L)], told);
        // A prompt the flow queues now notes 2: however late the keys' barge-in comes, neither is after it.
        Assert.Equal(2, countWhenEntryEnded);
        Assert.True(q.Post('9', DtmfSource.Rfc4733));
        Assert.Equal(('9', 3L), told[^1]);
    }

    private sealed class Listener(Action<char, long> onAccepted) : IDigitListener
    {
        public void OnDigitAccepted(char digit, long number) => onAccepted(digit, number);
    }
}
