using System.Diagnostics;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Session;

namespace VikaIvr.Benchmarks.Media;

/// <summary>One measured window of the media-clock load: snapshots at the start, figures at the end.</summary>
internal sealed class MediaClockMeasurement
{
    private readonly MediaClockLoadOptions _options;
    private readonly MediaClock _clock;
    private readonly WindowedLatenessTickSource _ticks;
    private readonly TimeSpan _cpu0;
    private readonly long _allocated0;
    private readonly long _frames0;
    private readonly long _skipped0;
    private readonly long _failures0;
    private readonly int _gen0;
    private readonly int _gen2;
    private readonly long _start;

    public MediaClockMeasurement(MediaClockLoadOptions options, MediaClock clock, WindowedLatenessTickSource ticks)
    {
        _options = options;
        _clock = clock;
        _ticks = ticks;
        _gen0 = GC.CollectionCount(0);
        _gen2 = GC.CollectionCount(2);
        _frames0 = clock.FramesDue;
        _skipped0 = ticks.SkippedSlots;
        _failures0 = clock.StreamFailures;
        _allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        _cpu0 = MediaClockLoad.ProcessCpu();
        _start = Stopwatch.GetTimestamp();
        ticks.Measuring = true;
    }

    public void Finish(List<MediaSession> sessions, List<SimulatedCall> simulated)
    {
        _ticks.Measuring = false;
        var cpu = MediaClockLoad.ProcessCpu() - _cpu0;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocated0;
        double seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        long frames = _clock.FramesDue - _frames0;
        var window = _ticks.GetWindowLateness();
        var whole = _clock.GetLateness();

        long sent = 0;
        foreach (var s in sessions)
        {
            sent += s.GetStatistics().PacketsSent;
        }

        foreach (var c in simulated)
        {
            sent += c.Sent;
        }

        int calls = _options.Calls;
        double cpuPercentPerCall = calls == 0 ? 0 : cpu.TotalSeconds / calls / seconds * 100;
        Console.WriteLine($"measured           {F(seconds, "0.0")} s, {frames:N0} frames ({F(frames / seconds / Math.Max(1, calls), "0.0")} per call per second; expected 50)");
        Console.WriteLine($"packets sent       {sent:N0} since start (RTP; all calls)");
        Console.WriteLine($"process CPU        {F(cpu.TotalSeconds, "0.00")} s = {F(cpu.TotalSeconds / seconds * 100, "0.0")} % of one core");
        Console.WriteLine($"CPU per call       {F(cpuPercentPerCall, "0.0000")} % of one core");
        Console.WriteLine($"allocated          {allocated:N0} B = {F(frames == 0 ? 0 : allocated / (double)frames, "0.000")} B per frame (GC gen0 {GC.CollectionCount(0) - _gen0}, gen2 {GC.CollectionCount(2) - _gen2})");
        Console.WriteLine($"send lateness      p50 {L(window, 50)}  p99 {L(window, 99)}  p99.9 {L(window, 99.9)}  max {F(window.MaxMicroseconds / 1000, "0.000")} ms  ({window.Count:N0} frames, 50 µs buckets, upper edges)");
        Console.WriteLine($"  whole run        p99 {L(whole, 99)}  max {F(whole.MaxMicroseconds / 1000, "0.000")} ms (clock's own histogram, includes warm-up)");
        Console.WriteLine($"skipped slots      {_ticks.SkippedSlots - _skipped0}, stream failures {_clock.StreamFailures - _failures0}");
    }

    private static string F(double value, string format) => MediaClockLoad.Format(value, format);

    private static string L(LatenessHistogram h, double percentile) => F(h.PercentileMicroseconds(percentile) / 1000, "0.000") + " ms";
}
