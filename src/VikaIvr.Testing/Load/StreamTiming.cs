namespace VikaIvr.Testing.Load;

/// <summary>
/// One received RTP stream's timing: the deviation of each inter-arrival interval from the packet
/// time its RTP timestamps say (|Δarrival − Δtimestamp / clock rate|, so a ptime or a pause in the
/// sender's timestamps is not a deviation), from receive times the kernel stamped; and sequence
/// gaps. Intervals are measured only between consecutive sequence numbers. One writer (the receive
/// thread); allocation-free per packet.
/// </summary>
public sealed class StreamTiming(int clockRate = 8000)
{
    private bool _started;
    private uint _ssrc;
    private ushort _lastSequence;
    private uint _lastTimestamp;
    private long _lastArrivalNs;

    public DeviationHistogram Deviation { get; } = new();

    public long Packets { get; private set; }

    /// <summary>Places where sequence numbers jumped forward by more than one.</summary>
    public long Gaps { get; private set; }

    /// <summary>Packets missing in those jumps.</summary>
    public long Lost { get; private set; }

    /// <summary>Packets that came late or twice (a sequence number not ahead of the last).</summary>
    public long Reordered { get; private set; }

    /// <summary>One packet: its SSRC, sequence number, RTP timestamp and receive time in ns.</summary>
    public void Record(uint ssrc, ushort sequence, uint timestamp, long arrivalNs)
    {
        Packets++;
        if (!_started || ssrc != _ssrc)
        {
            // A new source (or a re-INVITE's new stream) starts its own intervals.
            _started = true;
            _ssrc = ssrc;
            Remember(sequence, timestamp, arrivalNs);
            return;
        }

        short step = (short)(ushort)(sequence - _lastSequence);
        if (step <= 0)
        {
            Reordered++;
            return;
        }

        if (step > 1)
        {
            Gaps++;
            Lost += step - 1;
        }
        else
        {
            long expectedNs = (long)(uint)(timestamp - _lastTimestamp) * 1_000_000_000L / clockRate;
            Deviation.Add(arrivalNs - _lastArrivalNs - expectedNs);
        }

        Remember(sequence, timestamp, arrivalNs);
    }

    private void Remember(ushort sequence, uint timestamp, long arrivalNs)
    {
        _lastSequence = sequence;
        _lastTimestamp = timestamp;
        _lastArrivalNs = arrivalNs;
    }
}
