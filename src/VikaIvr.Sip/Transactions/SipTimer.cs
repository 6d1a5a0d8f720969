namespace VikaIvr.Sip.Transactions;

/// <summary>
/// A restartable one-shot timer on the injected <see cref="TimeProvider"/>. Its callback runs
/// under its owner's lock (a transaction's own, or the invite session's that owns the
/// transaction), so a state machine never races with the messages it receives. One
/// <see cref="ITimer"/> is made on the first start and re-armed after (no timer, callback or
/// closure per start); an expiry that was already on its way when the timer was stopped or
/// re-armed finds it stopped, or its new due time still ahead, and does nothing (re-arming for
/// what is left).
/// </summary>
internal sealed class SipTimer : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(1);
    private readonly TimeProvider _time;
    private readonly Lock _sync;
    private readonly Action _callback;
    private ITimer? _timer;
    private bool _running;
    private long _startedAt;
    private TimeSpan _due;

    public SipTimer(TimeProvider time, Lock sync, Action callback)
    {
        _time = time;
        _sync = sync;
        _callback = callback;
    }

    public bool IsRunning => _running;

    /// <summary>(Re)starts; a pending expiry of an earlier start is discarded. Call under the owner's lock.</summary>
    public void Start(TimeSpan due)
    {
        _running = true;
        _startedAt = _time.GetTimestamp();
        _due = due;
        if (_timer is null)
        {
            _timer = _time.CreateTimer(static state => ((SipTimer)state!).Fire(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops (the timer is kept for the next start). Call under the owner's lock.</summary>
    public void Stop()
    {
        if (_running)
        {
            _running = false;
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _running = false;
        _timer?.Dispose();
        _timer = null;
    }

    private void Fire()
    {
        lock (_sync)
        {
            if (!_running)
            {
                return;
            }

            var left = _due - _time.GetElapsedTime(_startedAt);
            if (left > TimeSpan.Zero)
            {
                // An expiry of an earlier start, or the clock's tick fired a little early: wait for the rest.
                _timer?.Change(left > Retry ? left : Retry, Timeout.InfiniteTimeSpan);
                return;
            }

            _running = false;
            _callback();
        }
    }
}
