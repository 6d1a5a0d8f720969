using System.Diagnostics.Metrics;
using VikaIvr.Sip.Admission;

namespace VikaIvr.Server.Hosting.Service;

/// <summary><c>vika.drain.calls</c> (tag <c>outcome</c>: drained, cut): how the calls in progress at a drain ended.</summary>
public sealed class DrainMetrics
{
    private readonly Counter<long> _calls;

    public DrainMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _calls = meters.Create(SipRefusalMetrics.MeterName).CreateCounter<long>("vika.drain.calls", "{call}", "Calls in progress at a drain, by how they ended");
    }

    public void Drained(int drained, int cut)
    {
        _calls.Add(drained, new KeyValuePair<string, object?>("outcome", "drained"));
        _calls.Add(cut, new KeyValuePair<string, object?>("outcome", "cut"));
    }
}
