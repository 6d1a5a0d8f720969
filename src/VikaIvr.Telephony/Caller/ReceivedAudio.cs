using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Telephony.Caller;

/// <summary>
/// What the caller hears: decoded 8 kHz samples appended in arrival order (a loopback test
/// stream is not reordered; a lost packet only shortens the stream). Thread-safe; snapshots copy.
/// </summary>
public sealed class ReceivedAudio : IMediaAudioListener
{
    private readonly Lock _gate = new();
    private short[] _samples = new short[8000 * 30];
    private int _count;
    private long _packets;

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
        Interlocked.Increment(ref _packets);
        lock (_gate)
        {
            if (_count + samples.Length > _samples.Length)
            {
                Array.Resize(ref _samples, Math.Max(_samples.Length * 2, _count + samples.Length));
            }

            samples.CopyTo(_samples.AsSpan(_count));
            _count += samples.Length;
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
