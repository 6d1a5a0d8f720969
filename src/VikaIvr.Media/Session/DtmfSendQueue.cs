using System.Collections.Concurrent;

namespace VikaIvr.Media.Session;

/// <summary>
/// Outgoing RFC 4733 digits waiting for the pacer, each with the task its caller awaits (lock-free: the pacer never waits for a caller).
/// The queue is made with the first digit (most calls never send one), and the pacer, which asks every
/// frame, is answered by one read while nothing waits.
/// </summary>
internal sealed class DtmfSendQueue
{
    private ConcurrentQueue<Entry>? _queue;
    private int _count;

    public Task Enqueue(char digit, int durationSamples)
    {
        var entry = new Entry(digit, durationSamples, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var queue = Volatile.Read(ref _queue);
        if (queue is null)
        {
            var created = new ConcurrentQueue<Entry>();
            queue = Interlocked.CompareExchange(ref _queue, created, null) ?? created;
        }

        queue.Enqueue(entry);
        Interlocked.Increment(ref _count);
        return entry.Completion.Task;
    }

    public bool TryDequeue(out Entry entry)
    {
        if (Volatile.Read(ref _count) == 0 || Volatile.Read(ref _queue) is not { } queue || !queue.TryDequeue(out entry!))
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
