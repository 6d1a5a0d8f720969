namespace VikaIvr.Media.Rtcp;

/// <summary>
/// What one receiver knows about one incoming RTP source: extended sequence numbers
/// (RFC 3550 A.1), expected vs received for loss (A.3) and interarrival jitter (A.8).
/// Not thread-safe: one receive loop owns it; readers take a <see cref="Snapshot"/>.
/// </summary>
public sealed class RtpReceiveStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const uint SeqMod = 1 << 16;

    private readonly int _clockRate;
    private bool _initialized;
    private ushort _maxSeq;
    private uint _cycles;
    private uint _baseSeq;
    private uint _badSeq = SeqMod + 1;
    private long _received;
    private long _octets;
    private long _expectedPrior;
    private long _receivedPrior;
    private double _jitter;
    private long _lastTransit;
    private bool _hasTransit;

    public RtpReceiveStatistics(int clockRate = 8000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        _clockRate = clockRate;
    }

    public uint Ssrc { get; private set; }

    public long PacketsReceived => _received;

    public long OctetsReceived => _octets;

    public uint ExtendedHighestSequence => _cycles + _maxSeq;

    public long Expected => _initialized ? (long)ExtendedHighestSequence - _baseSeq + 1 : 0;

    /// <summary>Cumulative loss; negative when duplicates outnumber losses, as RFC 3550 allows.</summary>
    public long Lost => Expected - _received;

    /// <summary>Interarrival jitter in timestamp units.</summary>
    public double Jitter => _jitter;

    public double JitterMilliseconds => _jitter * 1000.0 / _clockRate;

    /// <summary>
    /// Records one packet. <paramref name="arrivalRtpUnits"/> is the arrival time already
    /// converted to the payload clock, so jitter comes out in timestamp units.
    /// Returns false when the packet is judged a bad/duplicate sequence (not counted).
    /// </summary>
    public bool Record(uint ssrc, ushort seq, uint rtpTimestamp, int payloadOctets, long arrivalRtpUnits)
    {
        if (!_initialized || ssrc != Ssrc)
        {
            Reset(ssrc, seq);
        }
        else if (!UpdateSequence(seq))
        {
            return false;
        }

        _received++;
        _octets += payloadOctets;

        long transit = arrivalRtpUnits - rtpTimestamp;
        if (_hasTransit)
        {
            long d = Math.Abs(transit - _lastTransit);
            _jitter += (d - _jitter) / 16.0;
        }

        _lastTransit = transit;
        _hasTransit = true;
        return true;
    }

    /// <summary>Fraction lost since the previous call, as the 8-bit fixed-point RTCP field (A.3).</summary>
    public byte TakeFractionLost()
    {
        long expected = Expected;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0)
        {
            return 0;
        }

        return (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    private void Reset(uint ssrc, ushort seq)
    {
        Ssrc = ssrc;
        _initialized = true;
        _maxSeq = seq;
        _cycles = 0;
        _baseSeq = seq;
        _badSeq = SeqMod + 1;
        _received = 0;
        _octets = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
        _hasTransit = false;
        _jitter = 0;
    }

    private bool UpdateSequence(ushort seq)
    {
        ushort delta = (ushort)(seq - _maxSeq);
        if (delta < MaxDropout)
        {
            if (seq < _maxSeq)
            {
                _cycles += SeqMod;
            }

            _maxSeq = seq;
            return true;
        }

        if (delta <= SeqMod - MaxMisorder)
        {
            // A big jump: accept only once two sequential packets confirm the source restarted.
            if (seq == _badSeq)
            {
                _maxSeq = seq;
                _cycles = 0;
                _baseSeq = seq;
                _received = 0;
                _octets = 0;
                _expectedPrior = 0;
                _receivedPrior = 0;
                return true;
            }

            _badSeq = (uint)((seq + 1) & (SeqMod - 1));
            return false;
        }

        // Duplicate or reordered packet: counted as received, no change to the highest seq.
        return true;
    }
}
