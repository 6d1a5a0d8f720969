using System.Collections.Concurrent;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Session;

/// <summary>
/// The clips a session will play, in order, each consumed through an offset (a cursor). The pacer
/// reads frames without taking a lock another thread can hold: a realtime pacer waiting for a
/// preempted flow thread would hold up every call on its share of the clock. Stopping moves an
/// epoch forward; the pacer drops every clip queued before it.
/// </summary>
internal sealed class PlaybackQueue
{
    // The next clip waits in one slot (a flow awaits each clip, so one is the usual most); a second
    // one queued behind it opens the queue, and from then on every clip goes through the queue so
    // they stay in order. Both are taken from by atomic operations only (the pacer and StopAll).
    private Item? _next;
    private ConcurrentQueue<Item>? _more;
    private Item? _current;   // written by the pacer only
    private int _stopEpoch;

    public bool IsPlaying
    {
        get
        {
            int epoch = Volatile.Read(ref _stopEpoch);
            // Queued clips count until the pacer reaches them (a cancelled one for at most a frame);
            // the queue is not enumerated, which would make it keep its segments.
            return (Volatile.Read(ref _current) is { } current && current.IsLive(epoch))
                || Volatile.Read(ref _next) is not null
                || Volatile.Read(ref _more) is { IsEmpty: false };
        }
    }

    public Task<PlaybackResult> Enqueue(EncodedAudio audio, CancellationToken cancellationToken)
    {
        var item = new Item(audio, Volatile.Read(ref _stopEpoch));
        if (cancellationToken.CanBeCanceled)
        {
            item.Registration = cancellationToken.Register(static s => ((Item)s!).Completion.TrySetCanceled(), item);
        }

        if (Volatile.Read(ref _more) is not null || Interlocked.CompareExchange(ref _next, item, null) is not null)
        {
            More().Enqueue(item);
        }

        return item.Completion.Task;
    }

    /// <summary>Ends the current clip and everything queued with <see cref="PlaybackResult.Stopped"/>.</summary>
    public int StopAll()
    {
        Interlocked.Increment(ref _stopEpoch);
        int stopped = 0;
        if (Volatile.Read(ref _current) is { } current && current.Finish(PlaybackResult.Stopped))
        {
            stopped++;
        }

        while (TryTake(out var item))
        {
            stopped += item.Finish(PlaybackResult.Stopped) ? 1 : 0;
        }

        return stopped;
    }

    /// <summary>Pacer only: copies the next frame into <paramref name="payload"/> (transcoding when the clip's codec differs); false when idle.</summary>
    public bool TryReadFrame(Span<byte> payload, RtpAudioCodec codec)
    {
        int epoch = Volatile.Read(ref _stopEpoch);
        var item = _current;
        while (item is null || !item.IsLive(epoch))
        {
            // A clip queued before a stop that raced with it is stopped here.
            item?.Finish(PlaybackResult.Stopped);
            if (!TryTake(out item))
            {
                Volatile.Write(ref _current, null);
                return false;
            }
        }

        Volatile.Write(ref _current, item);
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
            Volatile.Write(ref _current, null);
        }

        return true;
    }

    /// <summary>The oldest waiting clip: the slot's, then the queue's.</summary>
    private bool TryTake(out Item item)
    {
        // Read first: an idle pacer asks every frame, and a plain read costs less than an exchange.
        if (Volatile.Read(ref _next) is not null && Interlocked.Exchange(ref _next, null) is { } next)
        {
            item = next;
            return true;
        }

        if (Volatile.Read(ref _more) is { } more && more.TryDequeue(out item!))
        {
            return true;
        }

        item = null!;
        return false;
    }

    private ConcurrentQueue<Item> More()
    {
        if (Volatile.Read(ref _more) is { } existing)
        {
            return existing;
        }

        var created = new ConcurrentQueue<Item>();
        return Interlocked.CompareExchange(ref _more, created, null) ?? created;
    }

    /// <summary>A queued clip; it is its own completion (one object fewer for each clip played).</summary>
    private sealed class Item(EncodedAudio audio, int epoch) : TaskCompletionSource<PlaybackResult>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public EncodedAudio Audio { get; } = audio;

        /// <summary>The stop epoch when queued: a later StopAll ends it.</summary>
        public int Epoch { get; } = epoch;

        /// <summary>Frames already sent; touched by the pacer only.</summary>
        public int Offset { get; set; }

        public TaskCompletionSource<PlaybackResult> Completion => this;

        public CancellationTokenRegistration Registration { get; set; }

        public bool IsLive(int stopEpoch) => !Completion.Task.IsCompleted && Epoch - stopEpoch >= 0;

        public bool Finish(PlaybackResult result)
        {
            // Unregister, not Dispose: Dispose would wait for a cancellation callback running right now.
            Registration.Unregister();
            return Completion.TrySetResult(result);
        }
    }
}
