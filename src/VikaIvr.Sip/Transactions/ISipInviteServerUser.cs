namespace VikaIvr.Sip.Transactions;

/// <summary>
/// The invite session that answers an INVITE transaction, called under the transaction's lock
/// (which is the session's): set once instead of subscribing delegates to its events, so a call
/// makes no delegate for them.
/// </summary>
internal interface ISipInviteServerUser
{
    /// <summary>A CANCEL found the INVITE still proceeding: the session answers 487.</summary>
    void OnCancelRequested();

    /// <summary>The final response was never acknowledged (told before <see cref="SipInviteServerTransaction.AckTimedOut"/>'s subscribers).</summary>
    void OnAckTimedOut(SipInviteServerTransaction tx);
}
