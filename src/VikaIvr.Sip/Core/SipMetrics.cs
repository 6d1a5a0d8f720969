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

    private const int LowestStatus = 100;
    private const int HighestStatus = 699;

    private readonly Counter<long> _inviteResponses;

    // The status tag of every code made once: a boxed int per response would allocate on each INVITE answer.
    private readonly object[] _statusTags = new object[HighestStatus - LowestStatus + 1];

    public SipMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _inviteResponses = meter.CreateCounter<long>("vika.sip.invite.responses", "{response}", "Responses sent to INVITEs, by status code (100 Trying not counted)");
        for (int code = LowestStatus; code <= HighestStatus; code++)
        {
            _statusTags[code - LowestStatus] = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public void InviteResponse(int statusCode)
    {
        // A parsed response's code is 100-699 (RFC 3261 7.2); anything else is not ours to count.
        if (statusCode is < LowestStatus or > HighestStatus) return;
        _inviteResponses.Add(1, new KeyValuePair<string, object?>("status", _statusTags[statusCode - LowestStatus]));
    }
}
