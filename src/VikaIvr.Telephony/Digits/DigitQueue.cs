using System.Threading.Channels;

namespace VikaIvr.Telephony.Digits;

/// <summary>
/// The call's one ordered digit queue, fed by RFC 4733 events, SIP INFO and the in-band
/// detector. A phone or trunk that sends the same key two ways (RFC 4733 and tones leaking
/// in-band, or INFO mirrored by RFC 4733) must still yield one digit: a digit from another
/// source within <see cref="CrossSourceWindow"/> of the same digit is dropped.
/// </summary>
public sealed class DigitQueue
{
    public static readonly TimeSpan CrossSourceWindow = TimeSpan.FromMilliseconds(120);

    private readonly Channel<char> _digits = Channel.CreateUnbounded<char>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private char _lastDigit;
    private DtmfSource _lastSource;
    private long _lastAt;
    private int _sourcesSeen;
    private char _absorbKey;
    private long _absorbUntil;

    public DigitQueue(TimeProvider time) => _time = time;

    /// <summary>Raised (on the poster's thread) after a digit is accepted; used to stop prompts (barge-in).</summary>
    public event Action<char>? DigitAccepted;

    /// <summary>The DTMF methods seen on this call, as flags of <see cref="DtmfSource"/>.</summary>
    public IReadOnlyList<DtmfSource> SourcesSeen
    {
        get
        {
            var list = new List<DtmfSource>(3);
            int seen = Volatile.Read(ref _sourcesSeen);
            foreach (DtmfSource s in Enum.GetValues<DtmfSource>())
                if ((seen & (1 << (int)s)) != 0) list.Add(s);
            return list;
        }
    }

    /// <summary>Offers a digit; returns false when it was a cross-source duplicate or not a DTMF key.</summary>
    public bool Post(char digit, DtmfSource source)
    {
        if (!IsDtmfKey(digit)) return false;
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            if (_lastAt != 0 && digit == _lastDigit && source != _lastSource
                && _time.GetElapsedTime(_lastAt, now) < CrossSourceWindow)
                return false;
            if (_absorbKey != '\0')
            {
                bool absorb = digit == _absorbKey && now < _absorbUntil;
                _absorbKey = '\0';
                if (absorb)
                {
                    _lastDigit = digit;
                    _lastSource = source;
                    _lastAt = now;
                    return false;
                }
            }
            _lastDigit = digit;
            _lastSource = source;
            _lastAt = now;
            _sourcesSeen |= 1 << (int)source;
        }
        _digits.Writer.TryWrite(digit);
        DigitAccepted?.Invoke(digit);
        return true;
    }

    /// <summary>When the last digit was accepted (a <see cref="TimeProvider.GetTimestamp"/> value), 0 before any.</summary>
    public long LastAcceptedAt => Interlocked.Read(ref _lastAt);

    /// <summary>Drops the next key if it is <paramref name="key"/>: already queued, or arriving within <paramref name="window"/>.</summary>
    public void AbsorbNext(char key, TimeSpan window)
    {
        lock (_gate)
        {
            if (_digits.Reader.TryPeek(out char queued))
            {
                if (queued == key) _digits.Reader.TryRead(out _);
                return;
            }
            _absorbKey = key;
            _absorbUntil = _time.GetTimestamp() + (long)(window.TotalSeconds * _time.TimestampFrequency);
        }
    }

    public bool HasPending => _digits.Reader.TryPeek(out _);

    public bool TryPeek(out char digit) => _digits.Reader.TryPeek(out digit);

    public bool TryTake(out char digit) => _digits.Reader.TryRead(out digit);

    /// <summary>Waits for the next digit; null when the timeout passes first.</summary>
    public async Task<char?> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (_digits.Reader.TryRead(out var ready)) return ready;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The timeout runs on the injected clock, so tests drive it with a fake one.
        using var timer = _time.CreateTimer(static s => CancelQuietly((CancellationTokenSource)s!), cts, timeout, Timeout.InfiniteTimeSpan);
        try
        {
            return await _digits.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static void CancelQuietly(CancellationTokenSource cts)
    {
        try { cts.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Complete() => _digits.Writer.TryComplete();

    public static bool IsDtmfKey(char c) => c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D');
}
