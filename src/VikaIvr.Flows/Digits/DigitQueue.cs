using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Digits;

/// <summary>
/// The call's one ordered digit queue, fed by RFC 4733 events, SIP INFO and the in-band
/// detector (or by a script, on a simulated call). A phone or trunk that sends the same key two
/// ways (RFC 4733 and tones leaking in-band, or INFO mirrored by RFC 4733) must still yield one
/// digit: a digit from another source within <see cref="CrossSourceWindow"/> of the same digit is dropped.
/// </summary>
/// <remarks>
/// Concurrency: any thread may post; one reader at a time (a <see cref="DigitCollector"/> entry or
/// <see cref="WaitAsync"/>). A key reaches a waiting reader synchronously inside <see cref="Post"/>,
/// and timeouts run on the injected <see cref="TimeProvider"/>'s timers, so the queue's state changes
/// only when a key is posted or a timer fires — never in a continuation in between. That is what lets
/// the simulator know exactly when the flow waits for keys.
/// </remarks>
public sealed class DigitQueue
{
    public static readonly TimeSpan CrossSourceWindow = TimeSpan.FromMilliseconds(120);

    private readonly Lock _gate = new();
    private readonly Queue<char> _pending = new();
    // Inline (no array of its own): one fewer object for every call.
    private SourceCounts _accepted;
    private readonly TimeProvider _time;
    private DigitCollection? _reader;
    private bool _completed;
    private char _lastDigit;
    private DtmfSource _lastSource;
    private long _lastAt;
    private int _sourcesSeen;
    private char _absorbKey;
    private long _absorbUntil;
    private long _acceptedCount;
    private volatile IDigitListener? _listener;

    public DigitQueue(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Told (on the poster's thread) of each accepted digit and its number; used to stop prompts (barge-in).
    /// A key that completes an entry is told before the entry's result is handed over, so it never
    /// reaches what the flow plays after the entry.</summary>
    public IDigitListener? Listener
    {
        get => _listener;
        set => _listener = value;
    }

    /// <summary>Keys accepted so far: the number the last one was given (duplicates and absorbed keys not counted).</summary>
    public long AcceptedCount
    {
        get { lock (_gate) return _acceptedCount; }
    }

    /// <summary>The DTMF methods seen on this call.</summary>
    public IReadOnlyList<DtmfSource> SourcesSeen
    {
        get
        {
            int seen = Volatile.Read(ref _sourcesSeen);
            if (seen == 0) return [];
            // By bit, not Enum.GetValues (a new array each time): read once for every call that ends.
            var list = new List<DtmfSource>(System.Numerics.BitOperations.PopCount((uint)seen));
            for (int s = 0; s <= (int)DtmfSource.InBand; s++)
                if ((seen & (1 << s)) != 0) list.Add((DtmfSource)s);
            return list;
        }
    }

    /// <summary>Digits accepted from <paramref name="source"/> so far (duplicates and absorbed keys not counted).</summary>
    public int AcceptedFrom(DtmfSource source)
    {
        lock (_gate) return _accepted[(int)source];
    }

    /// <summary>When the last digit was accepted (a <see cref="TimeProvider.GetTimestamp"/> value), 0 before any.</summary>
    public long LastAcceptedAt => Interlocked.Read(ref _lastAt);

    /// <summary>A digit is queued (typed ahead, not yet collected).</summary>
    public bool HasPending
    {
        get { lock (_gate) return _pending.Count > 0; }
    }

    /// <summary>Offers a digit; false when it was a cross-source duplicate, an absorbed key, not a DTMF key, or the queue is closed.</summary>
    public bool Post(char digit, DtmfSource source)
    {
        if (!IsDtmfKey(digit)) return false;
        DigitCollection? completed = null;
        long number;
        lock (_gate)
        {
            if (_completed) return false;
            long now = _time.GetTimestamp();
            if (_lastAt != 0 && digit == _lastDigit && source != _lastSource
                && _time.GetElapsedTime(_lastAt, now) < CrossSourceWindow)
                return false;
            bool absorb = false;
            if (_absorbKey != '\0')
            {
                absorb = digit == _absorbKey && now < _absorbUntil;
                _absorbKey = '\0';
            }

            _lastDigit = digit;
            _lastSource = source;
            Interlocked.Exchange(ref _lastAt, now);
            if (absorb) return false;
            _sourcesSeen |= 1 << (int)source;
            _accepted[(int)source]++;
            number = ++_acceptedCount;
            if (_reader is { } reader)
            {
                if (reader.Offer(digit))
                {
                    _reader = null;
                    completed = reader;
                }
            }
            else _pending.Enqueue(digit);
        }

        try
        {
            _listener?.OnDigitAccepted(digit, number);
        }
        finally
        {
            // The entry's result only after the key's barge-in: once it is out, the flow goes on (on
            // the thread pool) and may start its next prompt at once, which this key must not stop.
            completed?.Publish();
        }

        return true;
    }

    /// <summary>Drops the next key if it is <paramref name="key"/>: already queued, or arriving within <paramref name="window"/>.</summary>
    public void AbsorbNext(char key, TimeSpan window)
    {
        lock (_gate)
        {
            if (_pending.TryPeek(out char queued))
            {
                if (queued == key) _pending.Dequeue();
                return;
            }

            _absorbKey = key;
            _absorbUntil = _time.GetTimestamp() + (long)(window.TotalSeconds * _time.TimestampFrequency);
        }
    }

    public bool TryPeek(out char digit)
    {
        lock (_gate) return _pending.TryPeek(out digit);
    }

    public bool TryTake(out char digit)
    {
        lock (_gate) return _pending.TryDequeue(out digit);
    }

    /// <summary>Drops every queued key (a recording starts now: keys typed before it do not count).</summary>
    public void Clear()
    {
        lock (_gate) _pending.Clear();
    }

    /// <summary>Waits for the next digit; null when the timeout passes first (on the injected clock).
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled or the queue is closed.</summary>
    public async Task<char?> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var options = new DigitOptions { MinDigits = 1, MaxDigits = 1, FirstDigitTimeout = timeout, InterDigitTimeout = timeout };
        var result = await Collect(options, ct).ConfigureAwait(false);
        if (result.Digits.Length == 1) return result.Digits[0];
        if (result.Termination == DigitTermination.Hangup)
        {
            ct.ThrowIfCancellationRequested();
            throw new OperationCanceledException("the call's digit queue is closed");
        }

        return null;
    }

    /// <summary>Closes the queue: a waiting reader ends as a hangup, later keys are refused.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            if (_reader is { } reader)
            {
                _reader = null;
                reader.End(DigitTermination.Hangup);
            }
        }
    }

    public static bool IsDtmfKey(char c) => c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D');

    /// <summary>Starts an entry: queued keys first (type-ahead), then keys as they are posted.</summary>
    internal Task<DigitResult> Collect(DigitOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entry = new DigitCollection(this, options, _time);
        lock (_gate)
        {
            if (_reader is not null) throw new InvalidOperationException("the digit queue has a reader already");
            if (_completed || ct.IsCancellationRequested)
            {
                entry.End(DigitTermination.Hangup);
                return entry.Result;
            }

            while (_pending.TryDequeue(out char key))
            {
                if (entry.Offer(key))
                {
                    entry.Publish();
                    return entry.Result;
                }
            }

            _reader = entry;
            entry.Arm(ct);
        }

        return entry.Result;
    }

    /// <summary>A reader's timer or cancellation: ends it when it is still the one waiting.</summary>
    internal void Expire(DigitCollection entry, bool cancelled)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_reader, entry)) return;
            _reader = null;
            entry.End(cancelled ? DigitTermination.Hangup : entry.TimeoutTermination);
        }
    }

    /// <summary>A count for each <see cref="DtmfSource"/>.</summary>
    [System.Runtime.CompilerServices.InlineArray(3)]
    private struct SourceCounts
    {
        private int _first;
    }
}
