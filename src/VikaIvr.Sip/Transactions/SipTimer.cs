namespace VikaIvr.Sip.Transactions;

/// <summary>
/// A restartable one-shot timer on the injected <see cref="TimeProvider"/>. Its callback runs
/// under its owner's lock (a transaction's own, or the invite session's that owns the
/// transaction), so a state machine never races with the messages it receives. The timers of
/// one owner share one <see cref="ITimer"/> through their <see cref="SipTimerGroup"/>; a start
/// or a stop only re-arms it, so a pending expiry of an earlier start is discarded.
/// </summary>
internal sealed class SipTimer : IDisposable
{
    private readonly SipTimerGroup _group;
    private readonly Action<object> _callback;
    private readonly object _state;

    // The timestamp it is due at (long.MaxValue for an infinite start); 0 while stopped.
    private long _dueAt;

    /// <summary>A timer alone in its group.</summary>
    public SipTimer(TimeProvider time, Lock sync, Action callback)
        : this(new SipTimerGroup(time, sync), callback)
    {
    }

    /// <summary>A timer sharing the group's one timer with the owner's others.</summary>
    public SipTimer(SipTimerGroup group, Action callback)
        : this(group, static state => ((Action)state)(), callback)
    {
    }

    /// <summary>A timer whose callback is given its state (a static callback: no delegate made per timer).</summary>
    public SipTimer(SipTimerGroup group, Action<object> callback, object state)
    {
        _group = group;
        _callback = callback;
        _state = state;
        group.Add(this);
    }

    public bool IsRunning => _dueAt != 0;

    /// <summary>The next member of its group.</summary>
    internal SipTimer? Next { get; set; }

    /// <summary>The timestamp (of the group's clock) it is due at, long.MaxValue for an infinite start; only meaningful while running.</summary>
    internal long DueAt => _dueAt;

    /// <summary>(Re)starts; a pending expiry of an earlier start is discarded. Call under the owner's lock.</summary>
    public void Start(TimeSpan due)
    {
        _dueAt = _group.DueAt(due);
        _group.Reschedule();
    }

    public void Stop()
    {
        if (IsRunning)
        {
            _dueAt = 0;
            _group.Reschedule();
        }
    }

    public void Dispose() => Stop();

    /// <summary>Due: stops and runs the callback (the group calls it under the owner's lock).</summary>
    internal void Expire()
    {
        _dueAt = 0;
        _callback(_state);
    }
}
