using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;

namespace VikaIvr.Media.Tests.Clock;

/// <summary>The real pacers, bounded by waits on events (never by sleeping for a time).</summary>
public class StopwatchTickSourceTests
{
    [Fact]
    public void An_idle_pacer_starts_sending_when_a_stream_joins_and_stops_on_dispose()
    {
        var ticks = new StopwatchTickSource(new MediaClockOptions { PacerPriority = PacerThreadPriority.Normal });
        var options = new MediaClockOptions { MaxPacerThreads = 1 };
        var clock = new MediaClock(options, ticks, NullLogger<MediaClock>.Instance);
        clock.Start();

        // The pacer idles for a known span before the stream joins (the sleep is the idleness under
        // test, not a wait for an event). Idle slots must not count as skipped: counted, they would
        // be nearly all of them. Only a stall of the pacer thread itself skips slots, and on a
        // loaded machine stalls of tens of milliseconds happen, so the bound is half the idle span.
        var idle = TimeSpan.FromMilliseconds(400);
        Thread.Sleep(idle);
        var stream = new Signalling(frames: 5);
        clock.Add(stream, TimeSpan.FromMilliseconds(20));
        Assert.True(stream.Done.Wait(TimeSpan.FromSeconds(10)), "the pacer did not deliver five frames");

        var stopwatch = Stopwatch.StartNew();
        clock.Dispose();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "the pacer thread did not stop");
        Assert.InRange(ticks.SkippedSlots, 0, (long)(idle / options.SlotDuration) / 2);
    }

    [Fact]
    public void Streams_added_before_start_begin_at_slot_zero_in_every_phase()
    {
        var ticks = new StopwatchTickSource(new MediaClockOptions { PacerPriority = PacerThreadPriority.Normal });
        using var clock = new MediaClock(new MediaClockOptions { MaxPacerThreads = 1, SlotsPerPeriod = 2 }, ticks, NullLogger<MediaClock>.Instance);
        var first = new Signalling(frames: 3);
        var second = new Signalling(frames: 3);
        clock.Add(first, TimeSpan.FromMilliseconds(20));
        clock.Add(second, TimeSpan.FromMilliseconds(20));
        clock.Start();
        Assert.True(first.Done.Wait(TimeSpan.FromSeconds(10)) && second.Done.Wait(TimeSpan.FromSeconds(10)), "frames did not arrive in both phases");
        Assert.Equal(0, clock.StreamFailures);
    }

    [Fact]
    public void A_clock_without_streams_disposes_promptly()
    {
        var ticks = new StopwatchTickSource();
        var clock = new MediaClock(new MediaClockOptions { MaxPacerThreads = 2 }, ticks, NullLogger<MediaClock>.Instance);
        clock.Start();
        var stopwatch = Stopwatch.StartNew();
        clock.Dispose();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "an idle pacer blocked shutdown");
        Assert.Equal(0, clock.FramesDue);
    }

    private sealed class Signalling(int frames) : IPacedStream
    {
        private int _seen;

        public ManualResetEventSlim Done { get; } = new();

        public void OnFrameDue(long timestamp)
        {
            if (++_seen == frames)
            {
                Done.Set();
            }
        }
    }
}
