namespace VikaIvr.Sip.Admission;

/// <summary>New calls per second over the whole server: a token bucket holding one second's worth, refilled continuously.</summary>
public sealed class SipCallRateLimiter
{
    private readonly int _perSecond;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    public SipCallRateLimiter(int perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perSecond);
        _perSecond = perSecond;
        _time = time;
        _tokens = perSecond;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes a token for one new call; false when the server is over its rate (0 = no limit: always true).</summary>
    public bool TryTake()
    {
        if (_perSecond == 0)
        {
            return true;
        }

        long now = _time.GetTimestamp();
        lock (_lock)
        {
            double elapsed = (double)(now - _last) / _time.TimestampFrequency;
            _last = now;
            _tokens = Math.Min(_perSecond, _tokens + (elapsed * _perSecond));
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
