namespace VikaIvr.Media.Dtmf.Events;

/// <summary>
/// Turns a stream of RFC 4733 telephone-event payloads into exactly one digit per event.
/// An event is identified by its RTP timestamp (RFC 4733 2.5.1): repeated end packets and
/// late packets of a finished event are ignored, a lost start still yields the digit, a new
/// press of the same key (new timestamp) is a new digit, and an event whose end packets were
/// all lost is closed by the next event or by <see cref="TryExpire"/>.
/// One receive loop owns an instance; nothing here allocates.
/// </summary>
public sealed class DtmfEventReceiver
{
    private const int RecentCapacity = 16;

    // Inline in the receiver (no array of its own): one fewer object for every call.
    private RecentTimestamps _recent;
    private readonly long _timeoutMs;
    private int _recentCount;
    private int _recentNext;
    private bool _active;
    private uint _activeTimestamp;
    private byte _activeEvent;
    private int _activeDuration;
    private long _lastPacketAtMs;
    private bool _hasLatest;
    private uint _latestTimestamp;

    /// <param name="timeout">How long without packets before an unfinished event counts as ended.</param>
    public DtmfEventReceiver(TimeSpan? timeout = null)
    {
        _timeoutMs = (long)(timeout ?? TimeSpan.FromMilliseconds(800)).TotalMilliseconds;
    }

    /// <summary>Packets ignored as duplicates, stale or malformed (for diagnostics).</summary>
    public long IgnoredPackets { get; private set; }

    public bool HasActiveEvent => _active;

    /// <summary>
    /// Feeds one telephone-event packet. Writes 0, 1 or 2 completed digits to
    /// <paramref name="completed"/> (2 when the packet both closes an unfinished event and is
    /// the end of a new one) and returns how many.
    /// </summary>
    public int Process(uint rtpTimestamp, ReadOnlySpan<byte> payload, long nowMs, Span<DtmfEventDigit> completed)
    {
        if (completed.Length < 2)
        {
            throw new ArgumentException("Room for two digits is required.", nameof(completed));
        }

        if (!TelephoneEvent.TryRead(payload, out var ev) || TelephoneEvent.ToDigit(ev.Event) == '\0'
            || IsRecentlyCompleted(rtpTimestamp)
            || (_hasLatest && rtpTimestamp != _latestTimestamp && (int)(rtpTimestamp - _latestTimestamp) < 0))
        {
            IgnoredPackets++;
            return 0;
        }

        int count = 0;
        if (_active && rtpTimestamp != _activeTimestamp)
        {
            completed[count++] = Complete(endSeen: false);
        }

        if (!_active)
        {
            _active = true;
            _activeTimestamp = rtpTimestamp;
            _activeEvent = ev.Event;
            _activeDuration = ev.Duration;
            _hasLatest = true;
            _latestTimestamp = rtpTimestamp;
        }
        else if (ev.Duration > _activeDuration)
        {
            _activeDuration = ev.Duration;
        }

        _lastPacketAtMs = nowMs;
        if (ev.End)
        {
            completed[count++] = Complete(endSeen: true);
        }

        return count;
    }

    /// <summary>Closes an unfinished event when its packets stopped arriving long enough ago.</summary>
    /// <summary>An event is in progress (a racy read from another thread is fine: a stale answer only delays an expiry by a frame).</summary>
    public bool IsActive => Volatile.Read(ref _active);

    public bool TryExpire(long nowMs, out DtmfEventDigit digit)
    {
        if (_active && nowMs - _lastPacketAtMs >= _timeoutMs)
        {
            digit = Complete(endSeen: false);
            return true;
        }

        digit = default;
        return false;
    }

    private DtmfEventDigit Complete(bool endSeen)
    {
        _active = false;
        _recent[_recentNext] = _activeTimestamp;
        _recentNext = (_recentNext + 1) % RecentCapacity;
        _recentCount = Math.Min(_recentCount + 1, RecentCapacity);
        return new DtmfEventDigit(TelephoneEvent.ToDigit(_activeEvent), _activeTimestamp, _activeDuration, endSeen);
    }

    private bool IsRecentlyCompleted(uint timestamp)
    {
        for (int i = 0; i < _recentCount; i++)
        {
            if (_recent[i] == timestamp)
            {
                return true;
            }
        }

        return false;
    }

    [System.Runtime.CompilerServices.InlineArray(RecentCapacity)]
    private struct RecentTimestamps
    {
        private uint _first;
    }
}
