using System.Text;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Digits;

/// <summary>
/// One entry being collected: the rules of <see cref="DigitOptions"/> in one place, for real and
/// simulated calls alike.
/// <list type="bullet">
/// <item>A terminator ends the entry and is not part of it; <see cref="DigitOptions.MaxDigits"/> keys end it without one.</item>
/// <item>Until the first key the first-digit timeout runs from the start of the collection; no key by
/// then is no input. After each key the inter-digit timeout runs from that key; when it passes the
/// entry ends with what was typed.</item>
/// <item>With <see cref="DigitOptions.DiscardLeadingTerminator"/> one terminator arriving before any key
/// is dropped as if it had never been pressed: the entry still waits for its first key, and the
/// first-digit timeout is not restarted — the same as a key the queue absorbs (<see cref="DigitQueue.AbsorbNext"/>).</item>
/// </list>
/// Every method but <see cref="Publish"/> runs under the queue's lock (called by <see cref="DigitQueue"/>).
/// </summary>
internal sealed class DigitCollection(DigitQueue queue, DigitOptions options, TimeProvider time)
{
    private readonly StringBuilder _digits = new(Math.Max(1, options.MaxDigits));
    private readonly TaskCompletionSource<DigitResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _mayDiscard = options.DiscardLeadingTerminator;
    private ITimer? _timer;
    private CancellationTokenRegistration _cancel;
    private DigitResult? _result;

    public Task<DigitResult> Result => _done.Task;

    /// <summary>What a timeout means now: no input before the first key, else the end of the entry.</summary>
    public DigitTermination TimeoutTermination => _digits.Length == 0 ? DigitTermination.NoInput : DigitTermination.InterDigitTimeout;

    /// <summary>Takes a key; true when it completed the entry, whose result the caller must then
    /// <see cref="Publish"/>.</summary>
    public bool Offer(char key)
    {
        if (options.Terminators.Contains(key))
        {
            if (_digits.Length == 0 && _mayDiscard)
            {
                _mayDiscard = false;
                return false;
            }

            Finish(DigitTermination.Terminator);
            return true;
        }

        _mayDiscard = false;
        _digits.Append(key);
        if (_digits.Length >= options.MaxDigits)
        {
            Finish(DigitTermination.MaxDigits);
            return true;
        }

        _timer?.Change(options.InterDigitTimeout, Timeout.InfiniteTimeSpan);
        return false;
    }

    /// <summary>The entry waits for keys: its timeout (first-digit, or inter-digit after typed-ahead keys) and the caller's cancellation.</summary>
    public void Arm(CancellationToken ct)
    {
        var due = _digits.Length == 0 ? options.FirstDigitTimeout : options.InterDigitTimeout;
        _timer = time.CreateTimer(static s => ((DigitCollection)s!).Expired(cancelled: false), this, due, Timeout.InfiniteTimeSpan);
        _cancel = ct.UnsafeRegister(static s => ((DigitCollection)s!).Expired(cancelled: true), this);
    }

    public void End(DigitTermination why)
    {
        Finish(why);
        Publish();
    }

    /// <summary>Ends the entry without handing its result over yet (see <see cref="Publish"/>).</summary>
    public void Finish(DigitTermination why)
    {
        _timer?.Dispose();
        // Unregister does not wait for a running callback (which may be waiting for the queue's lock).
        _cancel.Unregister();
        _result ??= new DigitResult(_digits.ToString(), why);
    }

    /// <summary>Hands the result to the flow, whose continuation then runs on the thread pool. The only
    /// method that may run outside the queue's lock: the entry has left the queue by then.</summary>
    public void Publish()
    {
        if (_result is { } result) _done.TrySetResult(result);
    }

    private void Expired(bool cancelled) => queue.Expire(this, cancelled);
}
