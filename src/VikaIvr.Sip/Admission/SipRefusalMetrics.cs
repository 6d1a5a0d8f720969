using System.Diagnostics.Metrics;

namespace VikaIvr.Sip.Admission;

/// <summary>The counter <c>vika.sip.refusals</c> (tag <c>reason</c>) on the "VikaIvr" meter; one per process, from the host's meter factory.</summary>
public sealed class SipRefusalMetrics
{
    public const string MeterName = "VikaIvr";

    private readonly Counter<long> _refusals;

    public SipRefusalMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _refusals = meter.CreateCounter<long>("vika.sip.refusals", "{request}", "SIP requests refused for load or state, by reason");
    }

    public void Refused(SipRefusalReason reason) =>
        _refusals.Add(1, new KeyValuePair<string, object?>("reason", SipRefusalReasons.Name(reason)));
}
