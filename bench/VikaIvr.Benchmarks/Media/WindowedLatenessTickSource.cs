using VikaIvr.Media.Clock;

namespace VikaIvr.Benchmarks.Media;

/// <summary>
/// Wraps the real tick source to keep a second set of <see cref="LatenessHistogram"/>s that
/// count only while <see cref="Measuring"/> is on, so warm-up (JIT, session start) stays out of
/// the figures. The media clock reads the time exactly once per frame, just before handing the
/// frame to its stream, so "now − the slot's deadline" seen here is the same lateness the clock
/// records in its own histogram.
/// </summary>
internal sealed class WindowedLatenessTickSource(IMediaTickSource inner) : IMediaTickSource
{
    private readonly ThreadLocal<ShardWindow?> _current = new();
    private ShardWindow[] _windows = [];
    private double _microsecondsPerTick;

    public volatile bool Measuring;

    public long Frequency => inner.Frequency;

    public long SkippedSlots => inner.SkippedSlots;

    public long GetTimestamp()
    {
        long now = inner.GetTimestamp();
        if (Measuring && _current.Value is { } window)
        {
            window.Histogram.Record((now - window.Scheduled) * _microsecondsPerTick);
        }

        return now;
    }

    public void Start(int shards, TimeSpan slotDuration, int slotsPerPeriod, MediaSlotCallback onSlot)
    {
        _microsecondsPerTick = 1_000_000.0 / inner.Frequency;
        _windows = new ShardWindow[shards];
        for (int i = 0; i < shards; i++)
        {
            _windows[i] = new ShardWindow();
        }

        inner.Start(shards, slotDuration, slotsPerPeriod, (shard, slot, scheduled) =>
        {
            var window = _windows[shard];
            window.Scheduled = scheduled;
            _current.Value ??= window;
            onSlot(shard, slot, scheduled);
        });
    }

    /// <summary>A merged copy of what the pacers recorded while measuring (read after the window).</summary>
    public LatenessHistogram GetWindowLateness()
    {
        var merged = new LatenessHistogram();
        foreach (var w in _windows)
        {
            merged.Add(w.Histogram);
        }

        return merged;
    }

    public void Dispose()
    {
        inner.Dispose();
        _current.Dispose();
    }

    private sealed class ShardWindow
    {
        public LatenessHistogram Histogram { get; } = new();

        public long Scheduled;
    }
}
