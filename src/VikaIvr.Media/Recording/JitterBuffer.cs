using System.Buffers;
using System.Numerics;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Recording;

/// <summary>
/// A small jitter buffer for 8 kHz audio that is not played live (recording): packets are
/// ordered by their extended RTP sequence number (wrap-around safe), held for about
/// <see cref="JitterBufferOptions.Depth"/>, and placed in time by their RTP timestamps, so lost
/// packets, suppressed silence and DTMF events that replaced audio become filled gaps of the
/// right length. Late and duplicate packets are dropped; a new SSRC or a confirmed sequence
/// jump restarts the numbering. Play-out is driven by arrivals (no timer): audio leaves through
/// the <see cref="IPcmSink"/> once enough newer audio is buffered, and <see cref="Flush"/> drains
/// the rest. Not thread-safe; allocation-free after construction.
/// </summary>
public sealed class JitterBuffer : IDisposable
{
    private const int SampleRate = 8000;
    private const int SmallestPacketSamples = 80;
    private const int MaxRepeatPackets = 3;

    private readonly IPcmSink _sink;
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly int _depthSamples;
    private readonly int _maxGapSamples;
    private readonly int _maxPacketSamples;
    private readonly int _maxJump;
    private readonly JitterGapFill _gapFill;
    private readonly short[] _last;
    private readonly short[] _silence;
    private int _lastLength;
    private bool _started;
    private uint _ssrc;
    private long _nextSeq;
    private long _highestSeq;
    private uint _nextTimestamp;
    private int _frameSamples;
    private ulong _playedMask;
    private bool _probing;
    private ushort _probeNext;
    private int _buffered;
    private bool _disposed;
    private long _accepted, _duplicates, _late, _lost, _rejected, _resyncs, _jumps, _filledSamples, _outputSamples;

    public JitterBuffer(IPcmSink sink, JitterBufferOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        options ??= new JitterBufferOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPacketSamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSequenceJump, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Depth, TimeSpan.Zero);
        _sink = sink;
        _depthSamples = ToSamples(options.Depth);
        _maxGapSamples = ToSamples(options.MaxGapFill);
        _maxPacketSamples = options.MaxPacketSamples;
        _maxJump = options.MaxSequenceJump;
        _gapFill = options.GapFill;

        int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, (_depthSamples / SmallestPacketSamples) + 2));
        _slots = new Slot[slots];
        _mask = slots - 1;
        for (int i = 0; i < slots; i++)
        {
            _slots[i].Buffer = ArrayPool<short>.Shared.Rent(_maxPacketSamples);
        }

        _last = ArrayPool<short>.Shared.Rent(_maxPacketSamples);
        _silence = ArrayPool<short>.Shared.Rent(_maxPacketSamples);
        _silence.AsSpan().Clear();
    }

    /// <summary>Packets held back right now.</summary>
    public int BufferedPackets => _buffered;

    public JitterBufferStatistics Statistics => new(_accepted, _duplicates, _late, _lost, _rejected, _resyncs, _jumps, _filledSamples, _outputSamples);

    /// <summary>Takes one packet's decoded samples (copied; the span may be reused by the caller at once).</summary>
    public JitterPushResult Push(ReadOnlySpan<short> samples, in RtpHeader header)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (samples.IsEmpty || samples.Length > _maxPacketSamples)
        {
            _rejected++;
            return JitterPushResult.Rejected;
        }

        var result = JitterPushResult.Accepted;
        if (_started && header.Ssrc != _ssrc)
        {
            Restart();
            result = JitterPushResult.Resynchronized;
        }

        if (!_started)
        {
            Begin(header);
        }

        long ext = _highestSeq + (short)(header.SequenceNumber - (ushort)_highestSeq);
        if (ext < _nextSeq)
        {
            if (_nextSeq - ext > _maxJump)
            {
                return Probe(samples, header);
            }

            if (_outputSamples == 0 && _highestSeq - ext < _slots.Length)
            {
                // Reordered before anything was played: start earlier instead of dropping it.
                _nextSeq = ext;
                _nextTimestamp = header.Timestamp;
            }
            else if (WasPlayed(ext))
            {
                _duplicates++;
                return JitterPushResult.Duplicate;
            }
            else
            {
                _late++;
                return JitterPushResult.Late;
            }
        }
        else if (ext - _highestSeq > _maxJump)
        {
            return Probe(samples, header);
        }

        _probing = false;
        return Store(samples, header, ext, result);
    }

    /// <summary>Plays out everything buffered (the end of the recording, or a pause in the stream).</summary>
    public void Flush()
    {
        while (_started && _nextSeq <= _highestSeq)
        {
            ReleaseNext();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var slot in _slots)
        {
            ArrayPool<short>.Shared.Return(slot.Buffer);
        }

        ArrayPool<short>.Shared.Return(_last);
        ArrayPool<short>.Shared.Return(_silence);
    }

    private static int ToSamples(TimeSpan duration) => (int)Math.Min(int.MaxValue, Math.Max(0, duration.Ticks * SampleRate / TimeSpan.TicksPerSecond));

    private JitterPushResult Store(ReadOnlySpan<short> samples, in RtpHeader header, long ext, JitterPushResult result)
    {
        while (ext >= _nextSeq + _slots.Length)
        {
            ReleaseNext();
        }

        ref var slot = ref _slots[ext & _mask];
        if (slot.Length > 0 && slot.Sequence == ext)
        {
            _duplicates++;
            return JitterPushResult.Duplicate;
        }

        samples.CopyTo(slot.Buffer);
        slot.Length = samples.Length;
        slot.Sequence = ext;
        slot.Timestamp = header.Timestamp;
        _buffered++;
        _accepted++;
        _frameSamples = samples.Length;
        if (ext > _highestSeq)
        {
            _highestSeq = ext;
        }

        while ((_highestSeq - _nextSeq + 1) * _frameSamples > _depthSamples)
        {
            ReleaseNext();
        }

        return result;
    }

    private JitterPushResult Probe(ReadOnlySpan<short> samples, in RtpHeader header)
    {
        if (_probing && header.SequenceNumber == _probeNext)
        {
            Restart();
            Begin(header);
            return Store(samples, header, _nextSeq, JitterPushResult.Resynchronized);
        }

        _probing = true;
        _probeNext = (ushort)(header.SequenceNumber + 1);
        _rejected++;
        return JitterPushResult.Probation;
    }

    private void Begin(in RtpHeader header)
    {
        _started = true;
        _ssrc = header.Ssrc;
        _nextSeq = header.SequenceNumber;
        _highestSeq = _nextSeq;
        _nextTimestamp = header.Timestamp;
        _playedMask = 0;
        _probing = false;
    }

    private void Restart()
    {
        Flush();
        _started = false;
        _resyncs++;
    }

    private bool WasPlayed(long ext)
    {
        long back = _nextSeq - 1 - ext;
        return back is >= 0 and < 64 && ((_playedMask >> (int)back) & 1) != 0;
    }

    private void ReleaseNext()
    {
        ref var slot = ref _slots[_nextSeq & _mask];
        _playedMask <<= 1;
        if (slot.Length > 0 && slot.Sequence == _nextSeq)
        {
            var audio = slot.Buffer.AsSpan(0, slot.Length);
            FillGap((int)(slot.Timestamp - _nextTimestamp));
            _sink.Write(audio);
            _outputSamples += audio.Length;
            audio.CopyTo(_last);
            _lastLength = audio.Length;
            _nextTimestamp = slot.Timestamp + (uint)audio.Length;
            slot.Length = 0;
            _buffered--;
            _playedMask |= 1;
        }
        else
        {
            _lost++;
        }

        _nextSeq++;
    }

    private void FillGap(int gap)
    {
        if (gap == 0)
        {
            return;
        }

        if (gap < 0 || gap > _maxGapSamples)
        {
            // A jump in the sender's timeline, not missing audio: continue without a hole.
            _jumps++;
            return;
        }

        int done = 0;
        if (_gapFill == JitterGapFill.RepeatLast && _lastLength > 0)
        {
            int repeat = Math.Min(gap, MaxRepeatPackets * _lastLength);
            while (done < repeat)
            {
                int n = Math.Min(_lastLength, repeat - done);
                _sink.Write(_last.AsSpan(0, n));
                done += n;
            }
        }

        while (done < gap)
        {
            int n = Math.Min(_maxPacketSamples, gap - done);
            _sink.Write(_silence.AsSpan(0, n));
            done += n;
        }

        _filledSamples += gap;
        _outputSamples += gap;
    }

    private struct Slot
    {
        public short[] Buffer;
        public long Sequence;
        public uint Timestamp;
        public int Length;
    }
}
