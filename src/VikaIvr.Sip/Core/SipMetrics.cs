using System.Diagnostics.Metrics;

namespace VikaIvr.Sip.Core;

/// <summary>
/// The SIP layer's instruments (meter "VikaIvr"): responses sent to INVITEs by status code, so
/// the refusals (486, 503, 488 ...) and the answers (200) of a busy hour can be told apart.
/// Counted once per response sent by the transaction user, never per retransmission.
/// </summary>
public sealed class SipMetrics
{
    public const string MeterName = "VikaIvr";

    private readonly Counter<long> _inviteResponses;

    public SipMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _inviteResponses = meter.CreateCounter<long>("vika.sip.invite.responses", "{response}", "Responses sent to INVITEs, by status code (100 Trying not counted)");
    }

    public void InviteResponse(int statusCode) => _inviteResponses.Add(1, new KeyValuePair<string, object?>("status", statusCode));
}
