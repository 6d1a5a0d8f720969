using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;

namespace VikaIvr.Media.Tests.Clock;

public class MediaClockTests
{
    private sealed class Recorder(List<(int Id, long Slot)> log, ManualTickSource ticks, int id) : IPacedStream
    {
        public int Frames;

        public void OnFrameDue(long timestamp)
        {
            Frames++;
            log.Add((id, ticks.Slot));
        }
    }

    private static (MediaClock Clock, ManualTickSource Ticks) Create(int pacers = 1, int slots = 4)
    {
        var ticks = new ManualTickSource();
        var clock = new MediaClock(new MediaClockOptions { MaxPacerThreads = pacers, SlotsPerPeriod = slots }, ticks, NullLogger<MediaClock>.Instance);
        clock.Start();
        return (clock, ticks);
    }

    [Fact]
    public void Each_stream_gets_one_frame_per_period_without_drift()
    {
        var (clock, ticks) = Create();
        var log = new List<(int, long)>();
        var a = new Recorder(log, ticks, 1);
        clock.Add(a, TimeSpan.FromMilliseconds(20));
        ticks.Advance(4 * 10_000);   // 10,000 periods = 200 s of media
        Assert.Equal(10_000, a.Frames);
        // Every frame exactly one period after the previous one.
        for (int i = 1; i < log.Count; i++)
        {
            Assert.Equal(4, log[i].Item2 - log[i - 1].Item2);
        }
    }

    [Fact]
    public void Streams_are_spread_over_the_phases()
    {
        var (clock, ticks) = Create(slots: 4);
        var log = new List<(int Id, long Slot)>();
        var regs = new List<PacerRegistration>();
        for (int i = 0; i < 8; i++)
        {
            regs.Add(clock.Add(new Recorder(log, ticks, i), TimeSpan.FromMilliseconds(20)));
        }

        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3], regs.ConvertAll(r => r.Phase));
        ticks.Advance(4);
        Assert.Equal(8, log.Count);
        for (int slot = 0; slot < 4; slot++)
        {
            Assert.Equal(2, log.Count(e => e.Slot == slot));
        }
    }

    [Fact]
    public void Ptime_sets_frame_interval_and_can_change()
    {
        var (clock, ticks) = Create();
        var log = new List<(int, long)>();
        var ten = new Recorder(log, ticks, 1);
        var forty = new Recorder(log, ticks, 2);
        clock.Add(ten, TimeSpan.FromMilliseconds(10));
        var reg = clock.Add(forty, TimeSpan.FromMilliseconds(40));
        ticks.Advance(40);   // 200 ms
        Assert.Equal(20, ten.Frames);
        Assert.Equal(5, forty.Frames);
        reg.SetFrameInterval(TimeSpan.FromMilliseconds(20));
        ticks.Advance(40);
        Assert.InRange(forty.Frames, 14, 15);
    }

    [Fact]
    public void Removed_stream_gets_no_more_frames_and_pacers_share_streams()
    {
        var (clock, ticks) = Create(pacers: 2);
        var log = new List<(int, long)>();
        var streams = new List<Recorder>();
        var regs = new List<PacerRegistration>();
        for (int i = 0; i < 4; i++)
        {
            var s = new Recorder(log, ticks, i);
            streams.Add(s);
            regs.Add(clock.Add(s, TimeSpan.FromMilliseconds(20)));
        }

        if (clock.PacerCount == 2)
        {
            Assert.Equal(2, regs.Count(r => r.Shard == 0));
        }

        ticks.Advance(4);
        regs[0].Dispose();
        ticks.Advance(8);
        Assert.Equal(1, streams[0].Frames);
        Assert.Equal(3, streams[1].Frames);
        Assert.Equal(3, clock.StreamCount);
    }

    [Fact]
    public void A_throwing_stream_does_not_stop_the_others()
    {
        var (clock, ticks) = Create();
        var log = new List<(int, long)>();
        var good = new Recorder(log, ticks, 1);
        clock.Add(new Thrower(), TimeSpan.FromMilliseconds(20));
        clock.Add(good, TimeSpan.FromMilliseconds(20));
        ticks.Advance(8);
        Assert.Equal(2, good.Frames);
        Assert.Equal(2, clock.StreamFailures);
    }

    [Fact]
    public void Lateness_histogram_reports_percentiles()
    {
        var (clock, ticks) = Create();
        var log = new List<(int, long)>();
        clock.Add(new Recorder(log, ticks, 1), TimeSpan.FromMilliseconds(20));
        ticks.Advance(4 * 99);
        ticks.Now += TimeSpan.FromMilliseconds(8).Ticks;   // the next due frame runs 3 ms late
        ticks.Advance(4);
        var h = clock.GetLateness();
        Assert.Equal(100, h.Count);
        Assert.Equal(50, h.PercentileMicroseconds(50));
        Assert.InRange(h.PercentileMicroseconds(100), 2000, 3050);
    }

    private sealed class Thrower : IPacedStream
    {
        public void OnFrameDue(long timestamp) => throw new InvalidOperationException("boom");
    }
}
