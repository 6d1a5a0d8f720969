using System.Collections.Concurrent;

namespace VikaIvr.Media.Session;

/// <summary>Outgoing RFC 4733 digits waiting for the pacer, each with the task its caller awaits (lock-free: the pacer never waits for a caller).</summary>
internal sealed class DtmfSendQueue
{
    private readonly ConcurrentQueue<Entry> _queue = new();
    private int _count;

    public Task Enqueue(char digit, int durationSamples)
    {
        var entry = new Entry(digit, durationSamples, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(entry);
        Interlocked.Increment(ref _count);
        return entry.Completion.Task;
    }

    /// <summary>The pacer asks every frame; nearly always nothing waits, and then one read answers.</summary>
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
        while (_queue.TryDequeue(out var e))
        {
            Interlocked.Decrement(ref _count);
            e.Completion.TrySetCanceled();
        }
    }

    internal sealed record Entry(char Digit, int DurationSamples, TaskCompletionSource Completion);
}
