using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Session;

/// <summary>The clips a session will play, in order, each consumed through an offset (a cursor).</summary>
internal sealed class PlaybackQueue
{
    private readonly Lock _gate = new();
    private readonly Queue<Item> _queue = new();
    private Item? _current;

    public bool IsPlaying
    {
        get
        {
            lock (_gate)
            {
                return _current is not null || _queue.Count > 0;
            }
        }
    }

    public Task<PlaybackResult> Enqueue(EncodedAudio audio, CancellationToken cancellationToken)
    {
        var item = new Item(this, audio);
        if (cancellationToken.CanBeCanceled)
        {
            item.Registration = cancellationToken.Register(static s => ((Item)s!).Cancel(), item);
        }

        lock (_gate)
        {
            _queue.Enqueue(item);
        }

        return item.Completion.Task;
    }

    /// <summary>Ends the current clip and everything queued with <see cref="PlaybackResult.Stopped"/>.</summary>
    public int StopAll()
    {
        int stopped = 0;
        lock (_gate)
        {
            if (_current is not null)
            {
                stopped += _current.Finish(PlaybackResult.Stopped) ? 1 : 0;
                _current = null;
            }

            while (_queue.TryDequeue(out var item))
            {
                stopped += item.Finish(PlaybackResult.Stopped) ? 1 : 0;
            }
        }

        return stopped;
    }

    /// <summary>Copies the next frame into <paramref name="payload"/> (transcoding when the clip's codec differs); false when idle.</summary>
    public bool TryReadFrame(Span<byte> payload, RtpAudioCodec codec)
    {
        lock (_gate)
        {
            while (_current is null || _current.Done)
            {
                if (!_queue.TryDequeue(out _current))
                {
                    return false;
                }
            }

            var item = _current;
            var data = item.Audio.Data.Span;
            int n = Math.Min(payload.Length, data.Length - item.Offset);
            var source = data.Slice(item.Offset, n);
            if (item.Audio.Codec == codec)
            {
                source.CopyTo(payload);
            }
            else if (codec == RtpAudioCodec.Pcma)
            {
                G711.TranscodeMuLawToALaw(source, payload[..n]);
            }
            else
            {
                G711.TranscodeALawToMuLaw(source, payload[..n]);
            }

            payload[n..].Fill(EncodedAudio.SilenceFor(codec));
            item.Offset += n;
            if (item.Offset >= data.Length)
            {
                item.Finish(PlaybackResult.Completed);
                _current = null;
            }

            return true;
        }
    }

    private sealed class Item(PlaybackQueue owner, EncodedAudio audio)
    {
        public EncodedAudio Audio { get; } = audio;

        public int Offset { get; set; }

        public TaskCompletionSource<PlaybackResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }

        public bool Done => Completion.Task.IsCompleted;

        public bool Finish(PlaybackResult result)
        {
            // Unregister, not Dispose: Dispose waits for a running callback, which waits for our lock.
            Registration.Unregister();
            return Completion.TrySetResult(result);
        }

        public void Cancel()
        {
            // Leave it in the queue; the reader skips finished items.
            lock (owner._gate)
            {
                Completion.TrySetCanceled();
                if (ReferenceEquals(owner._current, this))
                {
                    owner._current = null;
                }
            }
        }
    }
}
