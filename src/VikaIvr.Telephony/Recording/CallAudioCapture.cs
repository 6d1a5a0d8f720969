using System.Buffers;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Recording;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Telephony.Recording;

/// <summary>
/// Captures the caller's audio into memory for <see cref="ICall.RecordAsync"/>: packets go through a
/// <see cref="JitterBuffer"/> (order, loss and silence suppression become the right length of
/// audio), into one buffer sized for the maximum duration. Silence and the maximum are measured in
/// audio time, so the result does not depend on when packets happened to arrive. The receive loop
/// only copies; nothing is allocated per packet.
/// </summary>
public sealed class CallAudioCapture : IMediaAudioListener, IPcmSink, IDisposable
{
    private readonly Lock _gate = new();
    private readonly JitterBuffer _jitter;
    private readonly short[] _buffer;
    private readonly int _capacity;
    private readonly int _silenceSamples;
    private readonly int _silenceLevel;
    private readonly TaskCompletionSource<RecordTermination> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private int _silentRun;
    private bool _closed;
    private bool _disposed;

    public CallAudioCapture(RecordOptions options, JitterBufferOptions? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxDuration, TimeSpan.Zero);
        _capacity = checked((int)(options.MaxDuration.TotalSeconds * AudioClip.SampleRate));
        _silenceSamples = options.SilenceTimeout > TimeSpan.Zero ? (int)(options.SilenceTimeout.TotalSeconds * AudioClip.SampleRate) : int.MaxValue;
        _silenceLevel = options.SilenceLevel;
        _buffer = ArrayPool<short>.Shared.Rent(_capacity);
        _jitter = new JitterBuffer(this, jitter);
    }

    /// <summary>Completes when the audio itself ends the recording (silence or the maximum).</summary>
    public Task<RecordTermination> Completed => _completed.Task;

    /// <summary>Audio captured so far (excluding what the jitter buffer holds).</summary>
    public TimeSpan Duration
    {
        get
        {
            lock (_gate) return TimeSpan.FromSeconds(_count / (double)AudioClip.SampleRate);
        }
    }

    /// <summary>Receive loop: into the jitter buffer, which writes back through <see cref="Write"/>.</summary>
    public void OnAudio(ReadOnlySpan<short> samples, in RtpHeader header)
    {
        lock (_gate)
        {
            if (_closed) return;
            _jitter.Push(samples, header);
        }
    }

    /// <summary>From the jitter buffer, in play-out order (always under the gate).</summary>
    void IPcmSink.Write(ReadOnlySpan<short> samples)
    {
        if (_count >= _capacity) return;
        int n = Math.Min(samples.Length, _capacity - _count);
        samples[..n].CopyTo(_buffer.AsSpan(_count));
        _count += n;

        if (n > 0 && AudioLevel.IsSilent(samples[..n], _silenceLevel)) _silentRun += n;
        else _silentRun = 0;

        if (_count >= _capacity) _completed.TrySetResult(RecordTermination.MaxDuration);
        else if (_silentRun >= _silenceSamples) _completed.TrySetResult(RecordTermination.Silence);
    }

    /// <summary>Stops capturing, plays out the jitter buffer and returns the audio. Later audio is ignored.</summary>
    public short[] Finish()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_closed)
            {
                _jitter.Flush();
                _closed = true;
            }

            return _buffer.AsSpan(0, _count).ToArray();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _closed = true;
            _jitter.Dispose();
            ArrayPool<short>.Shared.Return(_buffer);
        }
    }
}
