using System.Threading.Channels;
using System.Threading.Tasks.Sources;

namespace VikaIvr.Sip.Core;

/// <summary>
/// The bodies of one session's INFO requests, in order: one writer (the session, under its lock),
/// one reader (the application), as an unbounded single-reader channel behaves. Every call has one
/// and most never see an INFO, so it holds nothing until the first one (an unbounded channel starts
/// with a 32-slot segment): a queue made on the first write and one reusable waiter. The reader's
/// continuations always run asynchronously, never under the writer's lock.
/// </summary>
internal sealed class SipInfoQueue : ChannelReader<SipBody>, IValueTaskSource<bool>
{
    private ManualResetValueTaskSourceCore<bool> _waiter = new() { RunContinuationsAsynchronously = true };
    private Queue<SipBody>? _items;
    private bool _completed;
    private bool _waiting;
    private CancellationTokenRegistration _cancel;
    private TaskCompletionSource? _drained;

    public override Task Completion
    {
        get
        {
            lock (this)
            {
                return IsDrained ? Task.CompletedTask : (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }

    private bool IsDrained => _completed && (_items is null || _items.Count == 0);

    /// <summary>Queues a body; false once completed.</summary>
    public bool TryWrite(SipBody body)
    {
        lock (this)
        {
            if (_completed)
            {
                return false;
            }

            (_items ??= new Queue<SipBody>(2)).Enqueue(body);
        }

        Wake(true);
        return true;
    }

    /// <summary>No more bodies: the reader ends once it has read those queued.</summary>
    public void Complete()
    {
        TaskCompletionSource? drained;
        lock (this)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            drained = IsDrained ? _drained : null;
        }

        Wake(false);
        drained?.TrySetResult();
    }

    public override bool TryRead(out SipBody item)
    {
        TaskCompletionSource? drained;
        lock (this)
        {
            if (_items is not { Count: > 0 })
            {
                item = null!;
                return false;
            }

            item = _items.Dequeue();
            drained = IsDrained ? _drained : null;
        }

        drained?.TrySetResult();
        return true;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(cancellationToken);
        }

        lock (this)
        {
            if (_items is { Count: > 0 })
            {
                return new ValueTask<bool>(true);
            }

            if (_completed)
            {
                return new ValueTask<bool>(false);
            }

            if (_waiting)
            {
                throw new InvalidOperationException("The INFO bodies have one reader, waiting once at a time.");
            }

            _waiter.Reset();
            _waiting = true;
            if (cancellationToken.CanBeCanceled)
            {
                _cancel = cancellationToken.UnsafeRegister(static (state, token) => ((SipInfoQueue)state!).Cancel(token), this);
            }

            return new ValueTask<bool>(this, _waiter.Version);
        }
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    private void Wake(bool result)
    {
        CancellationTokenRegistration cancel;
        lock (this)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
            cancel = _cancel;
            _cancel = default;
            _waiter.SetResult(result);
        }

        cancel.Dispose();
    }

    private void Cancel(CancellationToken token)
    {
        lock (this)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
            _cancel = default;
            _waiter.SetException(new OperationCanceledException(token));
        }
    }
}
