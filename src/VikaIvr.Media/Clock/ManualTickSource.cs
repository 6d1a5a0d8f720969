namespace VikaIvr.Media.Clock;

/// <summary>
/// A tick source stepped by hand, for tests and in-process benchmarks of the per-slot work. It
/// runs every slot (the probe is only recorded), so tests see plain consecutive slots.
/// </summary>
public sealed class ManualTickSource : IMediaTickSource
{
    private MediaSlotCallback? _onSlot;
    private MediaWorkProbe? _nextWork;
    private int _shards;
    private long _slotTicks;
    private long _slot;

    /// <summary>Timestamp units per second (ticks are TimeSpan ticks).</summary>
    public long Frequency => TimeSpan.TicksPerSecond;

    /// <summary>The current fake time; tests may move it to simulate late pacers.</summary>
    public long Now { get; set; }

    /// <summary>Fake time added by every <see cref="GetTimestamp"/> call, to simulate the cost of each frame's send.</summary>
    public long TicksPerRead { get; set; }

    public long SkippedSlots => 0;

    public long Slot => _slot;

    /// <summary>How often <see cref="Wake"/> was called (all shards).</summary>
    public int Wakes { get; private set; }

    public long GetTimestamp()
    {
        long now = Now;
        Now += TicksPerRead;
        return now;
    }

    public void Start(int shards, TimeSpan slotDuration, int slotsPerPeriod, MediaSlotCallback onSlot, MediaWorkProbe nextWork)
    {
        _shards = shards;
        _slotTicks = slotDuration.Ticks;
        _onSlot = onSlot;
        _nextWork = nextWork;
    }

    /// <summary>What the clock's probe answers for a shard now (a real pacer would sleep until that slot).</summary>
    public long NextWork(int shard, long afterSlot)
        => (_nextWork ?? throw new InvalidOperationException("The clock was not started."))(shard, afterSlot);

    public void Wake(int shard) => Wakes++;

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

    public void Dispose()
    {
        _onSlot = null;
        _nextWork = null;
    }
}
