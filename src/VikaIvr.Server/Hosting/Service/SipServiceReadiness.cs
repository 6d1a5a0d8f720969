using VikaIvr.Sip.Admission;

namespace VikaIvr.Server.Hosting.Service;

/// <summary>SIP OPTIONS follows readiness: the SIP layer reads the last snapshot (a field read) on every OPTIONS.</summary>
public sealed class SipServiceReadiness(ServiceReadiness readiness) : ISipReadiness
{
    public bool Ready => readiness.Current.Ready;
}
