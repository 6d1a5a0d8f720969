namespace VikaIvr.Sip.Core.Outgoing;

public enum SipOutgoingEventKind
{
    /// <summary>A response to our INVITE (1xx, 2xx or a failure).</summary>
    Response,
    ByeReceived,
    ByeSent,
    ReferReceived,
    NotifySent,
    InfoSent,
    InfoReceived,
    CancelSent,
}
