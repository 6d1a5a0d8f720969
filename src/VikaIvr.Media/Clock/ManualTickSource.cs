namespace VikaIvr.Media.Clock;

/// <summary>A tick source stepped by hand, for tests and in-process benchmarks of the per-slot work.</summary>
public sealed class ManualTickSource : IMediaTickSource
{
    private MediaSlotCallback? _onSlot;
    private int _shards;
    private long _slotTicks;
    private long _slot;

    /// <summary>Timestamp units per second (ticks are TimeSpan ticks).</summary>
    public long Frequency => TimeSpan.TicksPerSecond;

    /// <summary>The current fake time; tests may move it to simulate late pacers.</summary>
    public long Now { get; set; }

    public long SkippedSlots => 0;

    public long Slot => _slot;

    public long GetTimestamp() => Now;

    public void Start(int shards, TimeSpan slotDuration, int slotsPerPeriod, MediaSlotCallback onSlot)
    {
        _shards = shards;
        _slotTicks = slotDuration.Ticks;
        _onSlot = onSlot;
    }

    /// <summary>Runs the given number of slots on every shard, advancing the fake time by one slot each.</summary>
    public void Advance(int slots = 1)
    {
        var onSlot = _onSlot ?? throw new InvalidOperationException("The clock was not started.");
        for (int i = 0; i < slots; i++)
        {
            long scheduled = _slot * _slotTicks;
            if (Now < scheduled)
            {
                Now = scheduled;
            }

            for (int shard = 0; shard < _shards; shard++)
            {
                onSlot(shard, _slot, scheduled);
            }

            _slot++;
        }
    }

    public void Dispose() => _onSlot = null;
}
