namespace VikaIvr.Media.Clock;

/// <summary>A stream's place on the media clock: its pacer, phase and frame interval. Dispose to leave.</summary>
public sealed class PacerRegistration : IDisposable
{
    private readonly MediaClock _clock;
    private volatile int _intervalSlots;

    internal PacerRegistration(MediaClock clock, IPacedStream stream, int shard, int phase, int intervalSlots)
    {
        _clock = clock;
        Stream = stream;
        Shard = shard;
        Phase = phase;
        _intervalSlots = intervalSlots;
    }

    public IPacedStream Stream { get; }

    /// <summary>The pacer that owns the stream.</summary>
    public int Shard { get; }

    /// <summary>The slot within the period where the stream's frames are due.</summary>
    public int Phase { get; }

    public int IntervalSlots => _intervalSlots;

    /// <summary>Next slot due, -1 until the pacer first sees the registration. Pacer-thread only.</summary>
    internal long NextDueSlot { get; set; } = -1;

    internal bool Removed { get; set; }

    /// <summary>Changes the frame interval (ptime changed by a re-INVITE).</summary>
    public void SetFrameInterval(TimeSpan interval) => _intervalSlots = _clock.ToSlots(interval);

    public void Dispose() => _clock.Remove(this);
}
