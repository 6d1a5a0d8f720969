using System.Collections.Concurrent;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Session;

/// <summary>
/// The clips a session will play, in order, each consumed through an offset (a cursor). The pacer
/// reads frames without taking a lock another thread can hold: a realtime pacer waiting for a
/// preempted flow thread would hold up every call on its share of the clock. Stopping moves an
/// epoch forward; the pacer drops every clip queued before it. A barge-in clip is stopped alone by a
/// key numbered after the ones its caller had seen when it was queued (<see cref="BargeIn"/>).
/// </summary>
internal sealed class PlaybackQueue
{
    // The next clip waits in one slot (a flow awaits each clip, so one is the usual most); a second
    // one queued behind it opens the queue, and from then on every clip goes through the queue so
    // they stay in order. Both are taken from by atomic operations only (the pacer and StopAll).
    private Item? _next;
    private ConcurrentQueue<Item>? _more;
    private Item? _current;   // written by the pacer only
    // The newest barge-in clip, linked to the older ones still unfinished when it was queued (a
    // flow awaits each prompt: usually none); a key stops each one queued before it.
    private Item? _bargeIn;
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

    public Task<PlaybackResult> Enqueue(EncodedAudio audio, CancellationToken cancellationToken) => Enqueue(audio, -1, cancellationToken);

    /// <param name="keysSeen">For a barge-in clip, the keys its caller had seen when it queued the clip
    /// (<see cref="BargeIn"/> stops it for a later one); -1 for a clip keys do not stop.</param>
    public Task<PlaybackResult> Enqueue(EncodedAudio audio, long keysSeen, CancellationToken cancellationToken)
    {
        Item item;
        if (cancellationToken.CanBeCanceled)
        {
            var cancellable = new CancellableItem(audio, Volatile.Read(ref _stopEpoch), keysSeen);
            cancellable.Registration = cancellationToken.Register(static s => ((Item)s!).Completion.TrySetCanceled(), cancellable);
            item = cancellable;
        }
        else
        {
            item = new Item(audio, Volatile.Read(ref _stopEpoch), keysSeen);
        }

        if (keysSeen >= 0)
        {
            // Linked before it is published (and after its registration, which a key's stop undoes):
            // a key on another thread sees the whole chain.
            Item? newest;
            do
            {
                newest = Volatile.Read(ref _bargeIn);
                item.OlderBargeIn = Unfinished(newest);
            }
            while (Interlocked.CompareExchange(ref _bargeIn, item, newest) != newest);
        }

        if (Volatile.Read(ref _more) is not null || Interlocked.CompareExchange(ref _next, item, null) is not null)
        {
            More().Enqueue(item);
        }

        return item.Completion.Task;
    }

    /// <summary>
    /// Key number <paramref name="key"/>: ends each barge-in clip queued before that key was accepted
    /// with <see cref="PlaybackResult.Stopped"/>, wherever it waits (the pacer skips a finished clip);
    /// a key its caller had already seen when it queued a clip (one told late) leaves that one playing.
    /// Returns how many clips it stopped.
    /// </summary>
    public int BargeIn(long key)
    {
        var newest = Volatile.Read(ref _bargeIn);
        int stopped = 0;
        for (var item = newest; item is not null; item = item.OlderBargeIn)
        {
            if (key <= item.KeysSeen || !item.Finish(PlaybackResult.Stopped))
            {
                continue;
            }

            stopped++;
            // Out of the slot at once (not a frame later): the clip queued behind it counts as the next.
            Interlocked.CompareExchange(ref _next, null, item);
        }

        if (newest is not null && newest.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _bargeIn, Unfinished(newest.OlderBargeIn), newest);
        }

        return stopped;
    }

    private static Item? Unfinished(Item? item)
    {
        while (item is { Task.IsCompleted: true })
        {
            item = item.OlderBargeIn;
        }

        return item;
    }

    /// <summary>Ends the current clip and everything queued with <see cref="PlaybackResult.Stopped"/>.</summary>
    public int StopAll()
    {
        Interlocked.Increment(ref _stopEpoch);
        Volatile.Write(ref _bargeIn, null);
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
            if (item.KeysSeen >= 0)
            {
                // The chain lets go of the clip (and its audio) once it is over.
                Interlocked.CompareExchange(ref _bargeIn, Unfinished(item.OlderBargeIn), item);
            }
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
    private class Item(EncodedAudio audio, int epoch, long keysSeen) : TaskCompletionSource<PlaybackResult>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public EncodedAudio Audio { get; } = audio;

        /// <summary>The stop epoch when queued: a later StopAll ends it.</summary>
        public int Epoch { get; } = epoch;

        /// <summary>A barge-in clip's keys seen when queued (a later key stops it); -1 for other clips.</summary>
        public long KeysSeen { get; } = keysSeen;

        /// <summary>The barge-in clip queued before this one, when it was still unfinished; set before this one is published.</summary>
        public Item? OlderBargeIn { get; set; }

        /// <summary>Frames already sent; touched by the pacer only.</summary>
        public int Offset { get; set; }

        public TaskCompletionSource<PlaybackResult> Completion => this;

        public bool IsLive(int stopEpoch) => !Completion.Task.IsCompleted && Epoch - stopEpoch >= 0;

        public bool Finish(PlaybackResult result)
        {
            Unregister();
            return Completion.TrySetResult(result);
        }

        protected virtual void Unregister()
        {
        }
    }

    /// <summary>A clip queued with a token that can cancel it: only such a clip carries the token's registration (16 bytes).</summary>
    private sealed class CancellableItem(EncodedAudio audio, int epoch, long keysSeen) : Item(audio, epoch, keysSeen)
    {
        public CancellationTokenRegistration Registration { get; set; }

        // Unregister, not Dispose: Dispose would wait for a cancellation callback running right now.
        protected override void Unregister() => Registration.Unregister();
    }
}
