using Microsoft.Extensions.Logging;
using VikaIvr.Media.Clock;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// Logs the server's health every interval: calls in progress, allocation rate, garbage
/// collections and their pause time, how late the media clock sent frames, CPU, memory and
/// thread-pool backlog — what an operator watches under load (a pause holds up every call's audio).
/// </summary>
public sealed partial class RuntimeStatsReporter(Func<int> activeCalls, MediaClock? media, TimeSpan interval, TimeProvider time, ILogger logger)
{
    private readonly record struct Sample(long At, long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Pause, TimeSpan Cpu);

    public async Task RunAsync(CancellationToken ct)
    {
        if (interval <= TimeSpan.Zero) return;
        var previous = Take();
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                var now = Take();
                Report(previous, now);
                previous = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Sample Take() => new(time.GetTimestamp(), GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1),
        GC.CollectionCount(2), GC.GetTotalPauseDuration(), Environment.CpuUsage.TotalTime);

    private void Report(Sample a, Sample b)
    {
        double seconds = Math.Max(1e-3, time.GetElapsedTime(a.At, b.At).TotalSeconds);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var late = media?.GetLateness();
        media?.ResetLateness();
        string frames = late is null || late.Count == 0
            ? "no frames"
            : FormattableString.Invariant($"{late.Count} frames late p99 {late.PercentileMicroseconds(99) / 1000:F2} ms max {late.MaxMicroseconds / 1000:F1} ms");
        string last = info.Index == 0 ? "none" : $"gen{info.Generation} {(info.Concurrent ? "background" : "blocking")}{(info.Compacted ? " compacting" : "")}";
        LogStats(logger,
            activeCalls(), (b.Allocated - a.Allocated) / seconds / 1e6, b.Gen0 - a.Gen0, b.Gen1 - a.Gen1, b.Gen2 - a.Gen2,
            (b.Pause - a.Pause).TotalMilliseconds, last, (info.PauseDurations[0] + info.PauseDurations[1]).TotalMilliseconds, frames,
            (b.Cpu - a.Cpu).TotalSeconds / seconds * 100, GC.GetTotalMemory(false) / 1e6, Environment.WorkingSet / 1e6, ThreadPool.PendingWorkItemCount);
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information,
        Message = "stats: {Calls} calls, allocated {AllocMB:F1} MB/s, GC gen0/1/2 {Gen0}/{Gen1}/{Gen2} pausing {PauseMs:F1} ms (last: {LastGc}, {LastPauseMs:F1} ms), media {Frames}, CPU {Cpu:F0} %, heap {HeapMB:F0} MB, working set {WorkingSetMB:F0} MB, thread-pool queue {Queue}")]
    private static partial void LogStats(ILogger logger, int calls, double allocMB, int gen0, int gen1, int gen2, double pauseMs, string lastGc, double lastPauseMs,
        string frames, double cpu, double heapMB, double workingSetMB, long queue);
}
