namespace VikaIvr.Server.Hosting.Operator;

/// <summary>
/// Wrong operator PINs across calls, counted per key (a caller number or a source address): the
/// <c>maxFailures</c>-th wrong PIN within the window (as long as the lockout) locks the key for
/// <c>lockout</c>. The one owner of this state, in memory on this node (a cluster's nodes count
/// apart). Bounded: an entry whose window and lock are over is dropped when met or when room is
/// needed; at <c>capacity</c> the least recently failed unlocked key makes room (a locked key only
/// when every key is locked, the one whose lock ends first), so a flood of invented numbers cannot
/// grow the table. Thread-safe under one lock: it is touched only by PIN checks on the operator line.
/// </summary>
public sealed class OperatorPinLockout
{
    /// <summary>Keys kept at most (caller numbers and source addresses together).</summary>
    public const int DefaultCapacity = 4096;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private readonly int _maxFailures;
    private readonly TimeSpan _lockout;
    private readonly int _capacity;
    private readonly TimeProvider _time;

    public OperatorPinLockout(int maxFailures, TimeSpan lockout, int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lockout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(time);
        _maxFailures = maxFailures;
        _lockout = lockout;
        _capacity = capacity;
        _time = time;
    }

    /// <summary>Operator:MaxPinFailures and Operator:LockoutMinutes, <see cref="DefaultCapacity"/> keys.</summary>
    public static OperatorPinLockout From(OperatorSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new OperatorPinLockout(settings.MaxPinFailures, TimeSpan.FromMinutes(settings.LockoutMinutes), DefaultCapacity, time);
    }

    public TimeSpan Lockout => _lockout;

    /// <summary>Keys held now (for tests and the bound).</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>True while <paramref name="key"/> is locked.</summary>
    public bool IsLocked(string key)
    {
        var now = _time.GetUtcNow();
        lock (_sync)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return false;
            }

            if (entry.LockedUntil > now)
            {
                return true;
            }

            if (entry.IsOver(now, _lockout))
            {
                _entries.Remove(key);
            }

            return false;
        }
    }

    /// <summary>Counts a wrong PIN for <paramref name="key"/>; says how many it has in its window and whether this one locked it.</summary>
    public OperatorPinFailure Fail(string key)
    {
        var now = _time.GetUtcNow();
        lock (_sync)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                MakeRoom(now);
                entry = new Entry(now);
                _entries[key] = entry;
            }
            else if (entry.LockedUntil > now)
            {
                return new OperatorPinFailure(entry.Failures, LockStarted: false);
            }
            else if (entry.IsOver(now, _lockout))
            {
                entry.Restart(now);
            }

            entry.Failures++;
            entry.LastFailure = now;
            if (entry.Failures < _maxFailures)
            {
                return new OperatorPinFailure(entry.Failures, LockStarted: false);
            }

            entry.LockedUntil = now + _lockout;
            return new OperatorPinFailure(entry.Failures, LockStarted: true);
        }
    }

    /// <summary>The right PIN: <paramref name="key"/>'s wrong ones are forgotten (a locked key is never checked, so never passes).</summary>
    public void Passed(string key)
    {
        var now = _time.GetUtcNow();
        lock (_sync)
        {
            if (_entries.TryGetValue(key, out var entry) && !(entry.LockedUntil > now))
            {
                _entries.Remove(key);
            }
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < _capacity)
        {
            return;
        }

        string? unlocked = null, locked = null;
        DateTimeOffset oldestFailure = DateTimeOffset.MaxValue, firstUnlock = DateTimeOffset.MaxValue;
        List<string>? over = null;
        foreach (var (key, entry) in _entries)
        {
            if (entry.IsOver(now, _lockout))
            {
                (over ??= []).Add(key);
            }
            else if (entry.LockedUntil is { } until && until > now)
            {
                if (until < firstUnlock)
                {
                    (firstUnlock, locked) = (until, key);
                }
            }
            else if (entry.LastFailure < oldestFailure)
            {
                (oldestFailure, unlocked) = (entry.LastFailure, key);
            }
        }

        if (over is not null)
        {
            foreach (var key in over)
            {
                _entries.Remove(key);
            }
        }
        else if ((unlocked ?? locked) is { } victim)
        {
            _entries.Remove(victim);
        }
    }

    private sealed class Entry(DateTimeOffset now)
    {
        public int Failures { get; set; }
        public DateTimeOffset WindowStart { get; private set; } = now;
        public DateTimeOffset LastFailure { get; set; } = now;
        public DateTimeOffset? LockedUntil { get; set; }

        /// <summary>Nothing left to remember: no lock in force and the counting window has passed.</summary>
        public bool IsOver(DateTimeOffset now, TimeSpan window) =>
            LockedUntil is { } until ? until <= now : now - WindowStart >= window;

        public void Restart(DateTimeOffset now)
        {
            Failures = 0;
            WindowStart = now;
            LockedUntil = null;
        }
    }
}
