using System.Diagnostics;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Session;

namespace VikaIvr.Benchmarks.Media;

/// <summary>One measured window of the media-clock load: snapshots at the start, figures at the end.</summary>
internal sealed class MediaClockMeasurement
{
    private readonly MediaClockLoadOptions _options;
    private readonly MediaClock _clock;
    private readonly StopwatchTickSource _ticks;
    private readonly WindowedLatenessTickSource _wakes;
    private readonly TimeSpan _cpu0;
    private readonly long _allocated0;
    private readonly long _frames0;
    private readonly long _skipped0;
    private readonly long _failures0;
    private readonly int _gen0;
    private readonly int _gen2;
    private readonly long _start;
    private readonly string _load0;

    public MediaClockMeasurement(MediaClockLoadOptions options, MediaClock clock, StopwatchTickSource ticks, WindowedLatenessTickSource wakes)
    {
        _wakes = wakes;
        _options = options;
        _clock = clock;
        _ticks = ticks;
        _load0 = LoadAverage();
        _gen0 = GC.CollectionCount(0);
        _gen2 = GC.CollectionCount(2);
        _frames0 = clock.FramesDue;
        _skipped0 = ticks.SkippedSlots;
        _failures0 = clock.StreamFailures;
        clock.ResetLateness();
        _allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        _cpu0 = MediaClockLoad.ProcessCpu();
        _start = Stopwatch.GetTimestamp();
        wakes.Measuring = true;
    }

    public void Finish(List<MediaSession> sessions, List<SimulatedCall> simulated)
    {
        _wakes.Measuring = false;
        var cpu = MediaClockLoad.ProcessCpu() - _cpu0;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocated0;
        double seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        long frames = _clock.FramesDue - _frames0;
        var window = _clock.GetLateness();

        long sent = 0, received = 0;
        foreach (var s in sessions)
        {
            var statistics = s.GetStatistics();
            sent += statistics.PacketsSent;
            received += statistics.PacketsReceived;
        }

        foreach (var c in simulated)
        {
            sent += c.Sent;
        }

        int calls = _options.Calls;
        double cpuPercentPerCall = calls == 0 ? 0 : cpu.TotalSeconds / calls / seconds * 100;
        double perFrame = frames == 0 ? 0 : allocated / (double)frames;
        double framesPerCall = frames / seconds / Math.Max(1, calls);
        Console.WriteLine($"load average       {_load0} at start, {LoadAverage()} at end (1/5/15 min; {Environment.ProcessorCount} cores)");
        Console.WriteLine($"pacer priority     {string.Join(", ", _ticks.GrantedPriorities)} (granted)");
        Console.WriteLine($"measured           {F(seconds, "0.0")} s, {frames:N0} frames ({F(framesPerCall, "0.0")} per call per second; expected 50)");
        Console.WriteLine($"packets sent       {sent:N0} since start (RTP; all calls), received {received:N0}");
        Console.WriteLine($"process CPU        {F(cpu.TotalSeconds, "0.00")} s = {F(cpu.TotalSeconds / seconds * 100, "0.0")} % of one core");
        Console.WriteLine($"CPU per call       {F(cpuPercentPerCall, "0.0000")} % of one core ({F(frames == 0 ? 0 : cpu.TotalMilliseconds * 1000 / frames, "0.0")} µs per frame)");
        Console.WriteLine($"allocated          {allocated:N0} B = {F(perFrame, "0.000")} B per frame (GC gen0 {GC.CollectionCount(0) - _gen0}, gen2 {GC.CollectionCount(2) - _gen2})");
        Console.WriteLine($"send lateness      p50 {L(window, 50)}  p99 {L(window, 99)}  p99.9 {L(window, 99.9)}  max {F(window.MaxMicroseconds / 1000, "0.000")} ms  ({window.Count:N0} frames, 50 µs buckets, upper edges)");
        var wakes = _wakes.GetWindowLateness();
        Console.WriteLine($"  pacer wake-up    p50 {L(wakes, 50)}  p99 {L(wakes, 99)}  max {F(wakes.MaxMicroseconds / 1000, "0.000")} ms  ({wakes.Count:N0} slots run; deadline to start of the slot's work)");
        Console.WriteLine($"skipped slots      {_ticks.SkippedSlots - _skipped0}, stream failures {_clock.StreamFailures - _failures0}");
        Console.WriteLine("| calls | CPU per call | alloc per frame | p50 lateness | p99 lateness | frames/call/s |");
        Console.WriteLine($"| {calls} | {F(cpuPercentPerCall, "0.0000")} % | {F(perFrame, "0.000")} B | {L(window, 50)} | {L(window, 99)} | {F(framesPerCall, "0.0")} |");
    }

    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]}" : "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string F(double value, string format) => MediaClockLoad.Format(value, format);

    private static string L(LatenessHistogram h, double percentile) => F(h.PercentileMicroseconds(percentile) / 1000, "0.000") + " ms";
}
