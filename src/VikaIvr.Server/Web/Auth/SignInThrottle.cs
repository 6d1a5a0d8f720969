namespace VikaIvr.Server.Web.Auth;

/// <summary>
/// Slows guessing at the sign-in form: after <see cref="SignInLimits.FailuresPerName"/> failures
/// for a name, or <see cref="SignInLimits.FailuresPerAddress"/> from one client address, further
/// attempts are refused (429 with Retry-After, and a message on the form) until a lockout ends;
/// every failure after that doubles the next lockout, up to <see cref="SignInLimits.MaxLockout"/>.
/// A refused attempt checks no password (no guessing while locked) and is not counted. A success
/// clears the name's failures but not the address's, so one valid account cannot reset an
/// address that is guessing others. Names are compared case-insensitively.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, SignInLimits limits)
{
    private readonly Dictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long the attempt must wait; null when it may go ahead.</summary>
    public TimeSpan? RetryAfter(string name, string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var wait = TimeSpan.Zero;
            foreach (var key in Keys(name, address))
            {
                if (_failures.TryGetValue(key, out var f) && f.LockedUntil > now && f.LockedUntil - now > wait)
                {
                    wait = f.LockedUntil - now;
                }
            }

            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    /// <summary>Counts a failed attempt (unknown name, wrong password, disabled account).</summary>
    public void Failed(string name, string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            Count(NameKey(name), limits.FailuresPerName, now);
            Count(AddressKey(address), limits.FailuresPerAddress, now);
        }
    }

    /// <summary>A correct password: the name starts afresh.</summary>
    public void Succeeded(string name)
    {
        lock (_lock)
        {
            _failures.Remove(NameKey(name));
        }
    }

    private void Count(string key, int threshold, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var f) || (f.LockedUntil <= now && now - f.Last > limits.ForgetAfter))
        {
            f = new Failures();
            _failures[key] = f;
        }

        f.Count++;
        f.Last = now;
        if (f.Count >= threshold)
        {
            int doublings = Math.Min(f.Count - threshold, 16);
            var lockout = TimeSpan.FromTicks(Math.Min(limits.FirstLockout.Ticks << doublings, limits.MaxLockout.Ticks));
            f.LockedUntil = now + lockout;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (_failures.Count < limits.MaxTracked) return;
        foreach (var (key, f) in _failures.ToList())
        {
            if (f.LockedUntil <= now && now - f.Last > limits.ForgetAfter) _failures.Remove(key);
        }

        // Still full (a flood of fresh names): forget the oldest half, running lockouts last, rather than grow without bound.
        if (_failures.Count >= limits.MaxTracked)
        {
            var oldest = _failures.OrderBy(p => p.Value.LockedUntil > now).ThenBy(p => p.Value.Last).Take(_failures.Count / 2).ToList();
            foreach (var (key, _) in oldest)
            {
                _failures.Remove(key);
            }
        }
    }

    private static string[] Keys(string name, string address) => [NameKey(name), AddressKey(address)];

    private static string NameKey(string name) => "n:" + name.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "a:" + address;

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset Last { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
