using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core.Outgoing;

/// <summary>What an outgoing call needs: whom to call, where to send the INVITE, who we are and our SDP offer.</summary>
/// <param name="Target">The Request-URI and To (e.g. sip:165@127.0.0.1:5060).</param>
/// <param name="Destination">Where the INVITE and every in-dialog request go (UDP or TCP).</param>
/// <param name="FromUser">Our user part (the caller's number).</param>
/// <param name="Offer">The SDP offer (application/sdp), or null for a late offer.</param>
public sealed record SipDialRequest(SipUri Target, SipEndPoint Destination, string FromUser, string? Offer)
{
    /// <summary>The final sipfrag status we report in NOTIFY after a REFER from the peer (200 = the transfer worked).</summary>
    public Func<SipReferRequest, int> ReferOutcome { get; init; } = static _ => 200;
}
