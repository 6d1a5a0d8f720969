using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Testing.Caller;

/// <summary>
/// What the caller hears: decoded 8 kHz samples appended in arrival order (a loopback test
/// stream is not reordered; a lost packet only shortens the stream). Thread-safe; snapshots copy.
/// </summary>
public sealed class ReceivedAudio : IMediaAudioListener
{
    private readonly Lock _gate = new();
    // Grown on the first packet: a caller that keeps no audio (the load tester) pays nothing.
    private short[] _samples = [];
    private int _count;
    private long _packets;
    private int[] _packetStarts = [];
    private long[] _packetTimes = [];

    public const int SampleRate = 8000;

    public int SampleCount
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public long Packets => Interlocked.Read(ref _packets);

    public TimeSpan Duration => TimeSpan.FromSeconds(SampleCount / (double)SampleRate);

    public void OnAudio(ReadOnlySpan<short> samples, in RtpHeader header)
    {
        lock (_gate)
        {
            if (_count + samples.Length > _samples.Length)
            {
                Array.Resize(ref _samples, Math.Max(Math.Max(_samples.Length * 2, 8000 * 30), _count + samples.Length));
            }

            int n = (int)Interlocked.Increment(ref _packets) - 1;
            if (n >= _packetStarts.Length)
            {
                Array.Resize(ref _packetStarts, Math.Max(1024, _packetStarts.Length * 2));
                Array.Resize(ref _packetTimes, Math.Max(1024, _packetTimes.Length * 2));
            }

            _packetStarts[n] = _count;
            _packetTimes[n] = DateTime.UtcNow.Ticks;
            samples.CopyTo(_samples.AsSpan(_count));
            _count += samples.Length;
        }
    }

    /// <summary>When the packet holding <paramref name="sampleIndex"/> arrived (the stream has no gaps, so this is the real time).</summary>
    public DateTime ArrivalOf(int sampleIndex)
    {
        lock (_gate)
        {
            int packets = (int)Math.Min(_packets, _packetStarts.Length);
            if (packets == 0)
            {
                return DateTime.UtcNow;
            }

            int i = Array.BinarySearch(_packetStarts, 0, packets, sampleIndex);
            if (i < 0)
            {
                i = Math.Max(0, ~i - 1);
            }

            return new DateTime(_packetTimes[i], DateTimeKind.Utc);
        }
    }

    /// <summary>Where the packet holding <paramref name="sampleIndex"/> starts in the stream (0 before the first packet).</summary>
    public int PacketStartOf(int sampleIndex)
    {
        lock (_gate)
        {
            int packets = (int)Math.Min(_packets, _packetStarts.Length);
            if (packets == 0)
            {
                return 0;
            }

            int i = Array.BinarySearch(_packetStarts, 0, packets, sampleIndex);
            return _packetStarts[i < 0 ? Math.Max(0, ~i - 1) : i];
        }
    }

    /// <summary>When the last packet arrived (null before the first).</summary>
    public DateTime? LastArrival
    {
        get
        {
            lock (_gate)
            {
                return _packets == 0 ? null : new DateTime(_packetTimes[(int)_packets - 1], DateTimeKind.Utc);
            }
        }
    }

    /// <summary>A copy of everything heard so far.</summary>
    public short[] Snapshot()
    {
        lock (_gate)
        {
            return _samples.AsSpan(0, _count).ToArray();
        }
    }
}
