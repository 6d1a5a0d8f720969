using Microsoft.Extensions.Logging;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Recording;

/// <summary>
/// Records the caller's audio (add it to a session with <see cref="MediaSession.AddAudioListener"/>)
/// to an 8 kHz 16-bit mono WAV file through a <see cref="JitterBuffer"/>. The receive loop only
/// copies samples into pooled memory; the file is written by <see cref="StopAsync"/>, off the
/// receive loop, to a temporary name and then moved into place so no reader sees half a file.
/// Audio is bounded by <see cref="CallRecorderOptions.MaxDuration"/>.
/// </summary>
public sealed partial class CallRecorder : IMediaAudioListener, IAsyncDisposable
{
    private const int SampleRate = 8000;

    private readonly Lock _gate = new();
    private readonly PcmChunkStore _store;
    private readonly JitterBuffer _jitter;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _limitReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<RecordingResult>? _stopping;
    private bool _closed;

    public CallRecorder(string path, CallRecorderOptions options, ILogger<CallRecorder> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxDuration, TimeSpan.Zero);
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger;
        _store = new PcmChunkStore((long)(options.MaxDuration.TotalSeconds * SampleRate));
        _jitter = new JitterBuffer(_store, options.Jitter);
    }

    /// <summary>Where the WAV file will be written.</summary>
    public string Path { get; }

    /// <summary>Audio recorded so far (excluding what the jitter buffer still holds).</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(_store.Samples / (double)SampleRate);

    /// <summary>Completes when the maximum duration is reached; the caller should then stop.</summary>
    public Task LimitReached => _limitReached.Task;

    public JitterBufferStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return _closed ? default : _jitter.Statistics;
            }
        }
    }

    /// <summary>Called on the session's receive loop: copies into pooled memory, nothing else.</summary>
    public void OnAudio(ReadOnlySpan<short> samples, in RtpHeader header)
    {
        lock (_gate)
        {
            if (_closed || _store.IsFull)
            {
                return;
            }

            _jitter.Push(samples, header);
            if (_store.IsFull)
            {
                _limitReached.TrySetResult();
            }
        }
    }

    /// <summary>Stops recording, plays out the jitter buffer and writes the file. Idempotent.</summary>
    public Task<RecordingResult> StopAsync(CancellationToken cancellationToken = default)
    {
        JitterBufferStatistics statistics;
        lock (_gate)
        {
            if (_stopping is not null)
            {
                return _stopping;
            }

            if (_closed)
            {
                throw new ObjectDisposedException(nameof(CallRecorder));
            }

            _jitter.Flush();
            statistics = _jitter.Statistics;
            _closed = true;
            _jitter.Dispose();
            _stopping = WriteAsync(statistics, cancellationToken);
            return _stopping;
        }
    }

    /// <summary>Abandons the recording without writing a file unless <see cref="StopAsync"/> was called.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? stopping;
        lock (_gate)
        {
            stopping = _stopping;
            if (stopping is null && !_closed)
            {
                _closed = true;
                _jitter.Dispose();
                _store.Dispose();
            }
        }

        if (stopping is not null)
        {
            try
            {
                await stopping.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                // Already reported to whoever awaited StopAsync.
            }
        }
    }

    private async Task<RecordingResult> WriteAsync(JitterBufferStatistics statistics, CancellationToken cancellationToken)
    {
        await Task.Yield();
        string temporary = Path + ".part";
        try
        {
            long samples = _store.Samples;
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var header = new byte[WavPcm16Header.Size];
            WavPcm16Header.Write(header, SampleRate, samples);
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await file.WriteAsync(header, cancellationToken).ConfigureAwait(false);
                await _store.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, Path, overwrite: true);
            var result = new RecordingResult(Path, TimeSpan.FromSeconds(samples / (double)SampleRate), samples, _store.IsFull, statistics);
            LogRecorded(result.Duration.TotalSeconds, Path, statistics.Lost, statistics.Late, statistics.Duplicates);
            return result;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        finally
        {
            _store.Dispose();
        }
    }

    private void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogRemoveFailed(ex, file);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Seconds:0.00} s to {Path} (lost {Lost}, late {Late}, duplicates {Duplicates})")]
    private partial void LogRecorded(double seconds, string path, long lost, long late, long duplicates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the partial recording {Path}")]
    private partial void LogRemoveFailed(Exception exception, string path);
}
