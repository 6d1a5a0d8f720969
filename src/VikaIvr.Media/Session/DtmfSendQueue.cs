using System.Collections.Concurrent;

namespace VikaIvr.Media.Session;

/// <summary>Outgoing RFC 4733 digits waiting for the pacer, each with the task its caller awaits (lock-free: the pacer never waits for a caller).</summary>
internal sealed class DtmfSendQueue
{
    private readonly ConcurrentQueue<Entry> _queue = new();

    public Task Enqueue(char digit, int durationSamples)
    {
        var entry = new Entry(digit, durationSamples, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(entry);
        return entry.Completion.Task;
    }

    public bool TryDequeue(out Entry entry) => _queue.TryDequeue(out entry!);

    public void CancelAll()
    {
        while (_queue.TryDequeue(out var e))
        {
            e.Completion.TrySetCanceled();
        }
    }

    internal sealed record Entry(char Digit, int DurationSamples, TaskCompletionSource Completion);
}
