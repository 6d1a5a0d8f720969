using System.Globalization;

namespace VikaIvr.Sip.Core;

/// <summary>How an invite session ended: the reason, the side that ended it, and the status of a refused or failed INVITE (else 0).</summary>
public sealed record SipSessionEnd(SipCallEndReason Reason, SipSessionSide Side, int StatusCode)
{
    /// <summary>A short form for logs and scripts: "remote-bye", "local-bye", "rejected 486", "cancelled", "ack-timeout"...</summary>
    public override string ToString() => Reason switch
    {
        SipCallEndReason.RemoteBye => "remote-bye",
        SipCallEndReason.LocalBye => "local-bye",
        SipCallEndReason.Cancelled => "cancelled",
        SipCallEndReason.Rejected => "rejected " + StatusCode.ToString(CultureInfo.InvariantCulture),
        SipCallEndReason.AckTimeout => "ack-timeout",
        SipCallEndReason.NoAckSourceBanned => "no-ack-source-banned",
        SipCallEndReason.MaxDuration => "max-duration",
        SipCallEndReason.MediaTimeout => "media-timeout",
        SipCallEndReason.SessionExpired => "session-expired",
        _ => "shutdown",
    };
}
