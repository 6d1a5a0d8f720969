namespace VikaIvr.Sip.Core;

public enum SipCallEndReason
{
    /// <summary>The caller sent BYE.</summary>
    RemoteBye,

    /// <summary>The application hung up (BYE sent).</summary>
    LocalBye,

    /// <summary>CANCEL before the answer (487 sent).</summary>
    Cancelled,

    /// <summary>The application rejected the INVITE.</summary>
    Rejected,

    /// <summary>The 2xx was never acknowledged (timer H / 64*T1); BYE sent.</summary>
    AckTimeout,

    /// <summary>The configured maximum call duration passed; BYE sent.</summary>
    MaxDuration,

    /// <summary>The user agent stopped or the application failed.</summary>
    Shutdown,

    /// <summary>
    /// The 2xx was not acknowledged yet when its source was banned for flooding (Sip:MaxCallsPerSourcePerSecond):
    /// abandoned at the ban, without BYE (RFC 3261 15: no BYE before the ACK or the transaction's timeout).
    /// </summary>
    NoAckSourceBanned,

    /// <summary>No RTP arrived for Media:RtpTimeoutSeconds while the call was not on hold; BYE sent.</summary>
    MediaTimeout,

    /// <summary>The RFC 4028 session refresh never came before the session expired; BYE sent.</summary>
    SessionExpired,
}
