namespace VikaIvr.Sip.Core;

public enum SipCallState
{
    /// <summary>INVITE received, the application has not answered yet.</summary>
    Incoming,

    /// <summary>2xx sent, waiting for the ACK.</summary>
    Answered,

    /// <summary>ACK received: the call is up.</summary>
    Confirmed,

    Ended,
}
