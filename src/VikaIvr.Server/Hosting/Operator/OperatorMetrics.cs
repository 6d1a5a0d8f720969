using System.Diagnostics.Metrics;
using VikaIvr.Sip.Admission;

namespace VikaIvr.Server.Hosting.Operator;

/// <summary>
/// The operator line's defences on the "VikaIvr" meter: <c>vika.operator.pin_failures</c> (wrong
/// PINs) and <c>vika.operator.lockouts</c> (lockouts started, tag <c>key</c>: caller, source).
/// </summary>
public sealed class OperatorMetrics
{
    private readonly Counter<long> _failures;
    private readonly Counter<long> _lockouts;

    public OperatorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(SipRefusalMetrics.MeterName);
        _failures = meter.CreateCounter<long>("vika.operator.pin_failures", "{attempt}", "Wrong operator PINs");
        _lockouts = meter.CreateCounter<long>("vika.operator.lockouts", "{lockout}", "Operator line lockouts started, by what was locked (caller number or source address)");
    }

    public void PinFailed() => _failures.Add(1);

    public void LockStarted(string key) => _lockouts.Add(1, new KeyValuePair<string, object?>("key", key));
}
