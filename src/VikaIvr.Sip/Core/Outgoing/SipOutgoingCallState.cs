namespace VikaIvr.Sip.Core.Outgoing;

public enum SipOutgoingCallState
{
    /// <summary>INVITE sent, no answer yet.</summary>
    Calling,

    /// <summary>A provisional response arrived (100, 180, 183).</summary>
    Proceeding,

    /// <summary>2xx received and ACKed.</summary>
    Established,

    Ended,
}
