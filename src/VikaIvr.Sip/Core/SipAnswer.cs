namespace VikaIvr.Sip.Core;

/// <summary>The application's decision on an INVITE or re-INVITE: accept with a body (SDP) or reject with a status.</summary>
public sealed record SipAnswer(int StatusCode, string? ReasonPhrase, SipBody? Body)
{
    public bool IsAccepted => StatusCode is >= 200 and < 300;

    /// <summary>200 OK with the body (an SDP answer, or for a late-offer INVITE the SDP offer).</summary>
    public static SipAnswer Accept(SipBody body) => new(200, null, body);

    public static SipAnswer Reject(int statusCode, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        return new SipAnswer(statusCode, reasonPhrase, null);
    }
}
