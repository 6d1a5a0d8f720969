namespace VikaIvr.Sip.Core;

/// <summary>
/// The application behind the user agent. <see cref="OnInviteAsync"/> and
/// <see cref="OnReinviteAsync"/> run on the thread pool and may take their time; the
/// notifications run in order per call, off the SIP receive path, and should return quickly.
/// </summary>
public interface ISipCallHandler
{
    /// <summary>
    /// A new call to a service number. Return <see cref="SipAnswer.Accept"/> with an SDP answer
    /// (or, when <see cref="SipCall.Offer"/> is null — late offer — with an SDP offer whose answer
    /// comes in <see cref="OnAck"/>), or <see cref="SipAnswer.Reject"/>. <paramref name="cancelled"/>
    /// fires when the caller CANCELs first.
    /// </summary>
    Task<SipAnswer> OnInviteAsync(SipCall call, CancellationToken cancelled);

    /// <summary>The ACK for the 2xx arrived; <paramref name="body"/> holds the SDP answer of a late-offer call.</summary>
    void OnAck(SipCall call, SipBody? body)
    {
    }

    /// <summary>A re-INVITE (hold, unhold, new media); null offer means the application must offer in the 200.</summary>
    Task<SipAnswer> OnReinviteAsync(SipCall call, SipBody? offer, CancellationToken cancelled) =>
        Task.FromResult(SipAnswer.Reject(488));

    /// <summary>An INFO in the dialog (application/dtmf-relay, application/dtmf...); already answered 200.</summary>
    void OnInfo(SipCall call, SipBody body)
    {
    }

    /// <summary>The call ended, whatever the cause; always the last notification of a call.</summary>
    void OnTerminated(SipCall call, SipCallEndReason reason)
    {
    }
}
