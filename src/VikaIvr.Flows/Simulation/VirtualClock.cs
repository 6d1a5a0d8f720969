namespace VikaIvr.Flows.Simulation;

/// <summary>
/// A clock that moves only when told: scheduled callbacks fire in due order (ties in scheduling
/// order) as the owner advances it, so a 5-s timeout in a simulated call takes no real time.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly DateTimeOffset _origin;
    private readonly PriorityQueue<Scheduled, (DateTimeOffset, long)> _queue = new();
    private DateTimeOffset _now;
    private long _sequence;

    public VirtualClock(DateTimeOffset start)
    {
        _origin = start;
        _now = start;
    }

    public DateTimeOffset Origin => _origin;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => (GetUtcNow() - _origin).Ticks;

    /// <summary>Time since the clock started, for transcripts.</summary>
    public TimeSpan Elapsed => GetUtcNow() - _origin;

    /// <summary>Runs <paramref name="callback"/> when the clock reaches <paramref name="due"/>; dispose to cancel.</summary>
    public IDisposable Schedule(DateTimeOffset due, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var item = new Scheduled(callback);
        lock (_gate)
        {
            if (due < _now) due = _now;
            _queue.Enqueue(item, (due, _sequence++));
        }

        return item;
    }

    public IDisposable ScheduleIn(TimeSpan delay, Action callback) => Schedule(GetUtcNow() + delay, callback);

    /// <summary>When the next live callback is due, or null when none is scheduled.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                DropCancelled();
                return _queue.TryPeek(out _, out var key) ? key.Item1 : null;
            }
        }
    }

    /// <summary>Moves to the next callback due at or before <paramref name="limit"/> and runs it; false when none.</summary>
    public bool FireNext(DateTimeOffset limit)
    {
        Scheduled item;
        lock (_gate)
        {
            DropCancelled();
            if (!_queue.TryPeek(out item!, out var key) || key.Item1 > limit) return false;
            _queue.Dequeue();
            if (key.Item1 > _now) _now = key.Item1;
        }

        item.Run();
        return true;
    }

    /// <summary>Moves the clock forward without running callbacks (callers fire due ones first).</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        lock (_gate)
        {
            if (time > _now) _now = time;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new VirtualTimer(this, callback, state, dueTime, period);

    private void DropCancelled()
    {
        while (_queue.TryPeek(out var head, out _) && head.Cancelled) _queue.Dequeue();
    }

    private sealed class Scheduled(Action callback) : IDisposable
    {
        private volatile bool _cancelled;
        public bool Cancelled => _cancelled;
        public void Run()
        {
            if (!_cancelled) callback();
        }

        public void Dispose() => _cancelled = true;
    }
}
