using VikaIvr.Media.Clock;

namespace VikaIvr.Benchmarks.Media;

/// <summary>
/// Wraps the real tick source to record, while <see cref="Measuring"/> is on, how late each pacer
/// woke for a slot (deadline to the start of the slot's work). Set against the clock's own
/// send lateness it tells scheduling delay (this) from queueing behind the slot's other sends.
/// </summary>
internal sealed class WindowedLatenessTickSource(IMediaTickSource inner) : IMediaTickSource
{
    private ShardWindow[] _windows = [];
    private double _microsecondsPerTick;

    public volatile bool Measuring;

    public long Frequency => inner.Frequency;

    public long SkippedSlots => inner.SkippedSlots;

    public long GetTimestamp() => inner.GetTimestamp();

    public void Wake(int shard) => inner.Wake(shard);

    public void Start(int shards, TimeSpan slotDuration, int slotsPerPeriod, MediaSlotCallback onSlot, MediaWorkProbe nextWork)
    {
        _microsecondsPerTick = 1_000_000.0 / inner.Frequency;
        _windows = new ShardWindow[shards];
        for (int i = 0; i < shards; i++)
        {
            _windows[i] = new ShardWindow();
        }

        inner.Start(shards, slotDuration, slotsPerPeriod, (shard, slot, scheduled) =>
        {
            if (Measuring)
            {
                _windows[shard].Histogram.Record((inner.GetTimestamp() - scheduled) * _microsecondsPerTick);
            }

            onSlot(shard, slot, scheduled);
        }, nextWork);
    }

    /// <summary>A merged copy of the pacers' wake lateness recorded while measuring (read after the window).</summary>
    public LatenessHistogram GetWindowLateness()
    {
        var merged = new LatenessHistogram();
        foreach (var w in _windows)
        {
            merged.Add(w.Histogram);
        }

        return merged;
    }

    public void Dispose() => inner.Dispose();

    private sealed class ShardWindow
    {
        public LatenessHistogram Histogram { get; } = new();
    }
}
