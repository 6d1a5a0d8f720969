namespace VikaIvr.Sip.Core;

/// <summary>Which side ended a session: us (the application, a timer, shutdown) or the peer.</summary>
public enum SipSessionSide
{
    Local,
    Remote,
}
