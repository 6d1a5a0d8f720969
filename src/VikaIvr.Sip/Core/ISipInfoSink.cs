namespace VikaIvr.Sip.Core;

/// <summary>
/// Takes a session's INFO bodies as they arrive (already answered 200), in order, on the SIP
/// dispatcher: an application that only hands each body on (a key into a queue) needs no channel
/// and no reading task of its own. It must return quickly and not throw.
/// </summary>
public interface ISipInfoSink
{
    void OnInfo(SipBody body);

    /// <summary>
    /// The session ended: told once, right after <see cref="SipInviteSession.Ended"/> fired, off the
    /// session's lock (an application that only stops something at the end needs no registration on the token).
    /// </summary>
    void OnSessionEnded()
    {
    }
}
