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
    private readonly ConcurrentDictionary<Watched, byte> _watched = new();
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
    /// Watches <paramref name="media"/> until the handle is disposed. <paramref name="onTimeout"/> runs
    /// at most once, on the sweep's thread, after which the call is no longer watched; it must not block.
    /// </summary>
    public IDisposable Watch(MediaSession media, Action onTimeout)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(onTimeout);
        var watch = new Watched(this, media, onTimeout);
        _watched.TryAdd(watch, 0);
        return watch;
    }

    public void Dispose()
    {
        _timer.Dispose();
        _watched.Clear();
    }

    private void Sweep()
    {
        foreach (var watch in _watched.Keys)
        {
            if (watch.Media.ReceiveIdle is { } idle && idle >= Timeout && _watched.TryRemove(watch, out _))
            {
                watch.OnTimeout();
            }
        }
    }

    private sealed class Watched(MediaInactivityWatchdog owner, MediaSession media, Action onTimeout) : IDisposable
    {
        public MediaSession Media { get; } = media;

        public Action OnTimeout { get; } = onTimeout;

        public void Dispose() => owner._watched.TryRemove(this, out _);
    }
}
