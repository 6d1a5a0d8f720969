using System.Collections.Concurrent;
using VikaIvr.Media.Dtmf.Events;

namespace VikaIvr.Media.Session;

/// <summary>
/// A session's outgoing RFC 4733 digits: those waiting for the pacer, each with the task its caller
/// awaits (lock-free: the pacer never waits for a caller), and the pacer's own state for the one
/// being sent. The session makes it with its first digit (most calls never send one), so a call
/// without any carries none of it and the pacer, which asks every frame, reads one null field.
/// </summary>
internal sealed class DtmfSendQueue
{
    private readonly ConcurrentQueue<Entry> _queue = new();
    private int _count;

    /// <summary>The packets of the digit being sent; pacer only.</summary>
    public DtmfEventGenerator Generator { get; } = new();

    /// <summary>The digit being sent, completed when its last end packet left; pacer only.</summary>
    public Entry? Current { get; set; }

    /// <summary>The RTP timestamp all of the current digit's packets carry; pacer only.</summary>
    public uint EventTimestamp { get; set; }

    /// <summary>Frames of audio still to send before the next digit starts; pacer only.</summary>
    public int GapFrames { get; set; }

    public Task Enqueue(char digit, int durationSamples)
    {
        var entry = new Entry(digit, durationSamples, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(entry);
        Interlocked.Increment(ref _count);
        return entry.Completion.Task;
    }

    public bool TryDequeue(out Entry entry)
    {
        if (Volatile.Read(ref _count) == 0 || !_queue.TryDequeue(out entry!))
        {
            entry = null!;
            return false;
        }

        Interlocked.Decrement(ref _count);
        return true;
    }

    public void CancelAll()
    {
        while (TryDequeue(out var e))
        {
            e.Completion.TrySetCanceled();
        }
    }

    internal sealed record Entry(char Digit, int DurationSamples, TaskCompletionSource Completion);
}
