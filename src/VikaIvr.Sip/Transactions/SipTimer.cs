namespace VikaIvr.Sip.Transactions;

/// <summary>
/// A restartable one-shot timer on the injected <see cref="TimeProvider"/>. Its callback runs
/// under its owner's lock (a transaction's own, or the invite session's that owns the
/// transaction), so a state machine never races with the messages it receives.
/// </summary>
internal sealed class SipTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Lock _sync;
    private readonly Action _callback;
    private ITimer? _timer;
    private int _generation;

    public SipTimer(TimeProvider time, Lock sync, Action callback)
    {
        _time = time;
        _sync = sync;
        _callback = callback;
    }

    public bool IsRunning => _timer is not null;

    /// <summary>(Re)starts; a pending expiry of an earlier start is discarded. Call under the owner's lock.</summary>
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
        lock (_sync)
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
