namespace VikaIvr.Sip.Transactions;

/// <summary>
/// The timers of one owner (a transaction, a session) on one <see cref="ITimer"/>, armed for the
/// earliest running member and re-armed after each change: a transaction's four timers cost one
/// timer, made on the first start, instead of one per start. Members expire under the owner's
/// lock, the most overdue first; an expiry that was on its way when the group changed finds
/// nothing due and re-arms for what is left.
/// </summary>
internal sealed class SipTimerGroup
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(1);
    private readonly Lock _sync;
    private ITimer? _timer;
    private SipTimer? _first, _last;
    private int _count;

    public SipTimerGroup(TimeProvider time, Lock sync)
    {
        Time = time;
        _sync = sync;
    }

    public TimeProvider Time { get; }

    /// <summary>Joins a member (in creation order, which breaks ties between equal due times).</summary>
    public void Add(SipTimer timer)
    {
        if (_last is null)
        {
            _first = timer;
        }
        else
        {
            _last.Next = timer;
        }

        _last = timer;
        _count++;
    }

    /// <summary>Arms the timer for the earliest running member, or disarms it. Under the owner's lock.</summary>
    public void Reschedule()
    {
        if (Earliest(out var left) is null || left == Timeout.InfiniteTimeSpan)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        // An expiry a little before its time (the clock's tick) comes back for the rest, not at once.
        var due = left <= TimeSpan.Zero ? TimeSpan.Zero : left < Retry ? Retry : left;
        if (_timer is null)
        {
            _timer = Time.CreateTimer(static state => ((SipTimerGroup)state!).Fire(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The running member due first (null: none) and its time left (infinite for an infinite start).</summary>
    private SipTimer? Earliest(out TimeSpan left)
    {
        SipTimer? earliest = null;
        left = Timeout.InfiniteTimeSpan;
        for (var t = _first; t is not null; t = t.Next)
        {
            if (!t.IsRunning)
            {
                continue;
            }

            var l = t.Left;
            if (earliest is null || (l != Timeout.InfiniteTimeSpan && (left == Timeout.InfiniteTimeSpan || l < left)))
            {
                earliest = t;
                left = l;
            }
        }

        return earliest;
    }

    private void Fire()
    {
        lock (_sync)
        {
            // At most one expiry per member here: one restarted at zero from its own callback waits for the next round.
            for (var n = 0; n < _count && Earliest(out var left) is { } timer && left != Timeout.InfiniteTimeSpan && left <= TimeSpan.Zero; n++)
            {
                timer.Expire();
            }

            Reschedule();
        }
    }
}
