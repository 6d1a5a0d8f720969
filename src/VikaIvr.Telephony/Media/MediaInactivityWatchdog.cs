using System.Collections.Concurrent;
using VikaIvr.Media.Session;

namespace VikaIvr.Telephony.Media;

/// <summary>
/// Media:RtpTimeoutSeconds: one shared sweep (not a timer per call) over every answered call's
/// media, which ends a call whose caller sent no RTP or RTCP for the timeout. The packet path only
/// writes a timestamp (<see cref="MediaSession.ReceiveIdle"/> reads it); a held call reads as not
/// idle, so holding is never a timeout and the wait starts again at the resume. The sweep runs every
/// second (a quarter of the timeout when that is shorter), so a call ends at most that late.
/// </summary>
public sealed class MediaInactivityWatchdog : IDisposable
{
    private readonly ConcurrentDictionary<IWatchedMedia, byte> _watched = new();
    private readonly ITimer _timer;

    public MediaInactivityWatchdog(TimeSpan timeout, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        Timeout = timeout;
        var period = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, Math.Max(1, timeout.Ticks / 4)));
        _timer = time.CreateTimer(static s => ((MediaInactivityWatchdog)s!).Sweep(), this, period, period);
    }

    public TimeSpan Timeout { get; }

    /// <summary>Calls being watched now.</summary>
    public int Count => _watched.Count;

    /// <summary>
    /// Watches <paramref name="call"/>'s media until <see cref="Unwatch"/>. Its
    /// <see cref="IWatchedMedia.OnMediaTimeout"/> runs at most once, on the sweep's thread, after
    /// which the call is no longer watched; it must not block. The call itself is the entry (no
    /// handle or delegate of its own for every call).
    /// </summary>
    public void Watch(IWatchedMedia call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _watched.TryAdd(call, 0);
    }

    public void Unwatch(IWatchedMedia call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _watched.TryRemove(call, out _);
    }

    public void Dispose()
    {
        _timer.Dispose();
        _watched.Clear();
    }

    private void Sweep()
    {
        // The pairs, not Keys (a copied list of every call at each sweep).
        foreach (var (call, _) in _watched)
        {
            if (call.Media.ReceiveIdle is { } idle && idle >= Timeout && _watched.TryRemove(call, out _))
            {
                call.OnMediaTimeout();
            }
        }
    }
}
