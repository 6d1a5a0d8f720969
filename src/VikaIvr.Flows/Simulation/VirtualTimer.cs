namespace VikaIvr.Flows.Simulation;

/// <summary>An <see cref="ITimer"/> on a <see cref="VirtualClock"/>, so code that uses TimeProvider timers
/// (Task.Delay with a provider, for example) also runs on virtual time.</summary>
internal sealed class VirtualTimer : ITimer
{
    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly object _gate = new();
    private IDisposable? _pending;
    private TimeSpan _period;
    private bool _disposed;

    public VirtualTimer(VirtualClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed) return false;
            _pending?.Dispose();
            _period = period;
            _pending = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.ScheduleIn(dueTime, Fire);
            return true;
        }
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _pending = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? _clock.ScheduleIn(_period, Fire) : null;
        }

        _callback(_state);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
