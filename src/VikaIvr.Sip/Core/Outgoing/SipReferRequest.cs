namespace VikaIvr.Sip.Core.Outgoing;

/// <summary>A REFER the peer sent inside an outgoing call: where it asked us to go.</summary>
/// <param name="ReferTo">The Refer-To URI, without angle brackets.</param>
public sealed record SipReferRequest(string ReferTo);
