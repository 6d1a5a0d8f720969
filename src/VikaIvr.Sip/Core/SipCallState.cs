namespace VikaIvr.Sip.Core;

/// <summary>Where an invite session is: the answering side goes Incoming → Answered → Confirmed, the calling side Calling → Proceeding → Confirmed.</summary>
public enum SipCallState
{
    /// <summary>INVITE received, the application has not answered yet.</summary>
    Incoming,

    /// <summary>2xx sent, waiting for the ACK.</summary>
    Answered,

    /// <summary>The call is up (ACK received, or our ACK sent for the 2xx).</summary>
    Confirmed,

    Ended,

    /// <summary>INVITE sent, no response yet.</summary>
    Calling,

    /// <summary>A provisional response to our INVITE arrived (100, 180, 183).</summary>
    Proceeding,
}
