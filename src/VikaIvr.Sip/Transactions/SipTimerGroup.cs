namespace VikaIvr.Sip.Transactions;

/// <summary>
/// The timers of one owner (a transaction, a session) on one <see cref="ITimer"/>, armed for the
/// earliest running member and re-armed only when that time changes: a transaction's four timers
/// cost one timer, made on the first start, and a start behind the earliest member's time costs no
/// re-arm. Members expire under the owner's lock, the most overdue first; an expiry that was on its
/// way when the group changed finds nothing due and re-arms for what is left.
/// </summary>
internal sealed class SipTimerGroup
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(1);
    private readonly Lock _sync;
    private ITimer? _timer;
    private SipTimer? _first, _last;
    private int _count;

    // The timestamp the timer is armed for; 0 while disarmed (never armed, stopped, or fired).
    private long _armedAt;

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

    /// <summary>The timestamp <paramref name="due"/> from now (long.MaxValue for an infinite one).</summary>
    public long DueAt(TimeSpan due)
    {
        if (due == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        var now = Time.GetTimestamp();
        var ticks = (Int128)Math.Max(due.Ticks, 0) * Time.TimestampFrequency / TimeSpan.TicksPerSecond;
        // Never 0, which marks a stopped member.
        return ticks >= long.MaxValue - now ? long.MaxValue - 1 : Math.Max(now + (long)ticks, 1);
    }

    /// <summary>Arms the timer for the earliest running member (unless it is armed for that time already), or disarms it. Under the owner's lock.</summary>
    public void Reschedule()
    {
        var earliest = Earliest();
        if (earliest is null || earliest.DueAt == long.MaxValue)
        {
            if (_armedAt != 0)
            {
                _armedAt = 0;
                _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            return;
        }

        if (earliest.DueAt == _armedAt)
        {
            return;
        }

        // An expiry a little before its time (the clock's tick) comes back for the rest, not at once.
        var left = Time.GetElapsedTime(Time.GetTimestamp(), earliest.DueAt);
        var due = left <= TimeSpan.Zero ? TimeSpan.Zero : left < Retry ? Retry : left;
        _armedAt = earliest.DueAt;
        if (_timer is null)
        {
            _timer = Time.CreateTimer(static state => ((SipTimerGroup)state!).Fire(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The running member due first (null: none); its <see cref="SipTimer.DueAt"/> is long.MaxValue when every running member was started infinite.</summary>
    private SipTimer? Earliest()
    {
        SipTimer? earliest = null;
        for (var t = _first; t is not null; t = t.Next)
        {
            if (t.IsRunning && (earliest is null || t.DueAt < earliest.DueAt))
            {
                earliest = t;
            }
        }

        return earliest;
    }

    private void Fire()
    {
        lock (_sync)
        {
            // The one-shot timer has run: whatever is left re-arms it below.
            _armedAt = 0;

            // At most one expiry per member here: one restarted at zero from its own callback waits for the next round.
            for (var n = 0; n < _count && Earliest() is { } timer && timer.DueAt != long.MaxValue && timer.DueAt <= Time.GetTimestamp(); n++)
            {
                timer.Expire();
            }

            Reschedule();
        }
    }
}
