namespace VikaIvr.Sip.Transactions;

/// <summary>
/// A restartable one-shot timer on the injected <see cref="TimeProvider"/>; its callback runs
/// under the stack's gate so state machines never race with received messages.
/// </summary>
internal sealed class SipTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly object _gate;
    private readonly Action _callback;
    private ITimer? _timer;
    private int _generation;

    public SipTimer(TimeProvider time, object gate, Action callback)
    {
        _time = time;
        _gate = gate;
        _callback = callback;
    }

    public bool IsRunning => _timer is not null;

    /// <summary>(Re)starts; a pending expiry of an earlier start is discarded. Call under the gate.</summary>
    public void Start(TimeSpan due)
    {
        Stop();
        var generation = ++_generation;
        _timer = _time.CreateTimer(_ => Fire(generation), null, due, Timeout.InfiniteTimeSpan);
    }

    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
        _generation++;
    }

    public void Dispose() => Stop();

    private void Fire(int generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            _timer?.Dispose();
            _timer = null;
            _callback();
        }
    }
}
