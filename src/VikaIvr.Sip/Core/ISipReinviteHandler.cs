namespace VikaIvr.Sip.Core;

/// <summary>
/// Answers a session's re-INVITEs (hold, new media): an interface the application's own call object
/// implements, so a call needs no delegate of its own for the rare re-INVITE.
/// </summary>
public interface ISipReinviteHandler
{
    /// <summary>Given the peer's offer (null: we must offer), returns the answer; <paramref name="ct"/> fires when the session ends.</summary>
    Task<SipAnswer> OnReinviteAsync(SipBody? offer, CancellationToken ct);
}
