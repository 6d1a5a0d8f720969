using VikaIvr.Media.Net;

namespace VikaIvr.Media.Clock;

/// <summary>A stream's place on the media clock: its pacer, phase and frame interval. Dispose to leave.</summary>
public sealed class PacerRegistration : IDisposable
{
    private readonly MediaClock _clock;
    private volatile int _intervalSlots;
    private volatile bool _removed;

    internal PacerRegistration(MediaClock clock, IPacedStream stream, int shard, int phase, int intervalSlots)
    {
        _clock = clock;
        Stream = stream;
        Shard = shard;
        Phase = phase;
        _intervalSlots = intervalSlots;
        AppliedIntervalSlots = intervalSlots;
    }

    public IPacedStream Stream { get; }

    /// <summary>
    /// The pacer's send batch, for frames that leave through a shared socket (pacer thread only); null
    /// where there is none. Asked of the clock, not kept here: 8 bytes less for every call.
    /// </summary>
    internal RtpSendBatch? Batch => _clock.BatchOf(Shard);

    /// <summary>The pacer that owns the stream.</summary>
    public int Shard { get; }

    /// <summary>The slot within the period where the stream's first frame is due.</summary>
    public int Phase { get; }

    public int IntervalSlots => _intervalSlots;

    /// <summary>Next slot due, -1 until the pacer first sees the registration. Pacer-thread only.</summary>
    internal long NextDueSlot { get; set; } = -1;

    /// <summary>The interval the phase buckets were chosen for; differs from <see cref="IntervalSlots"/> until the pacer re-buckets.</summary>
    internal int AppliedIntervalSlots { get; set; }

    /// <summary>The phase buckets the stream sits in, first and stride (under the shard's lock); a stride of 0: none.</summary>
    internal (int First, int Stride) Buckets { get; set; }

    internal bool Removed
    {
        get => _removed;
        set => _removed = value;
    }

    /// <summary>Changes the frame interval (ptime changed by a re-INVITE); applies from the next frame after the one already due.</summary>
    public void SetFrameInterval(TimeSpan interval) => _intervalSlots = _clock.ToSlots(interval);

    public void Dispose() => _clock.Remove(this);
}
