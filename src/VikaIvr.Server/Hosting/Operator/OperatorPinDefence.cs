using System.Globalization;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Admission;

namespace VikaIvr.Server.Hosting.Operator;

/// <summary>
/// The operator line's PIN lockout as calls meet it: one <see cref="OperatorPinLockout"/> counts the
/// wrong PINs of each caller number and of each source address; every wrong PIN is a
/// <c>pin-failed</c> security event, a lockout starting and every try while locked a
/// <c>locked-out</c> one (fail2ban's format; the PIN is never written), and both are counted.
/// </summary>
public sealed class OperatorPinDefence(OperatorPinLockout lockout, OperatorMetrics metrics, ILogger<OperatorPinDefence> logger)
{
    private const string CallerKind = "caller";
    private const string SourceKind = "source";
    private readonly SipSecurityLog _log = new(logger);

    /// <summary>The guard check-pin uses on one call.</summary>
    public IOperatorPinGuard For(OperatorCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new CallGuard(this, caller);
    }

    private bool Admits(OperatorCaller caller)
    {
        string? lockedBy = lockout.IsLocked(CallerKey(caller)) ? CallerKind
            : SourceKey(caller) is { } source && lockout.IsLocked(source) ? SourceKind
            : null;
        if (lockedBy is null)
        {
            return true;
        }

        Event(SipSecurityLog.LockedOut, caller, $"caller={caller.Number} locked={lockedBy}");
        return false;
    }

    private void Failed(OperatorCaller caller)
    {
        metrics.PinFailed();
        var byCaller = lockout.Fail(CallerKey(caller));
        var bySource = SourceKey(caller) is { } source ? lockout.Fail(source) : default;
        Event(SipSecurityLog.PinFailed, caller, $"caller={caller.Number} failures={Math.Max(byCaller.Failures, bySource.Failures)}");
        Started(byCaller, CallerKind, caller);
        Started(bySource, SourceKind, caller);
    }

    /// <summary>
    /// The right PIN forgets the caller number's wrong ones, not the source's: behind a shared SBC
    /// one operator's success must not reset what a guesser at the same address has used up.
    /// </summary>
    private void Passed(OperatorCaller caller) => lockout.Passed(CallerKey(caller));

    private void Started(OperatorPinFailure failure, string kind, OperatorCaller caller)
    {
        if (!failure.LockStarted)
        {
            return;
        }

        metrics.LockStarted(kind);
        var minutes = lockout.Lockout.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        Event(SipSecurityLog.LockedOut, caller, $"caller={caller.Number} locked={kind} minutes={minutes}");
    }

    /// <summary>Events name a transport source; a simulated call has none and writes none.</summary>
    private void Event(string name, OperatorCaller caller, string detail)
    {
        if (caller.Source is { } source)
        {
            _log.Event(name, source, detail);
        }
    }

    private static string CallerKey(OperatorCaller caller) => CallerKind + ":" + caller.Number;

    private static string? SourceKey(OperatorCaller caller) => caller.Source is { Address: var address }
        ? SourceKind + ":" + (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;

    private sealed class CallGuard(OperatorPinDefence defence, OperatorCaller caller) : IOperatorPinGuard
    {
        public bool Admits() => defence.Admits(caller);

        public void Failed() => defence.Failed(caller);

        public void Passed() => defence.Passed(caller);
    }
}
