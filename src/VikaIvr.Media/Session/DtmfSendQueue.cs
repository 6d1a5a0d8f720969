namespace VikaIvr.Media.Session;

/// <summary>Outgoing RFC 4733 digits waiting for the pacer, each with the task its caller awaits.</summary>
internal sealed class DtmfSendQueue
{
    private readonly Lock _gate = new();
    private readonly Queue<Entry> _queue = new();

    public Task Enqueue(char digit, int durationSamples)
    {
        var entry = new Entry(digit, durationSamples, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _queue.Enqueue(entry);
        }

        return entry.Completion.Task;
    }

    public bool TryDequeue(out Entry entry)
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out entry!);
        }
    }

    public void CancelAll()
    {
        lock (_gate)
        {
            while (_queue.TryDequeue(out var e))
            {
                e.Completion.TrySetCanceled();
            }
        }
    }

    internal sealed record Entry(char Digit, int DurationSamples, TaskCompletionSource Completion);
}
