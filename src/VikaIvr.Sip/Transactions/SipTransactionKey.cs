using System.Globalization;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transactions;

/// <summary>
/// Server transaction identity per RFC 3261 17.2.3: branch, sent-by and method, with ACK
/// mapped to INVITE. Requests without the magic cookie fall back to the RFC 2543 fields.
/// </summary>
public readonly record struct SipTransactionKey(string Branch, string SentBy, string Method)
{
    public static bool TryCreate(SipRequest request, out SipTransactionKey key)
    {
        key = default;
        if (request.Method == SipMethods.Ack && request.TryReadTopViaKey(out var ackBranch, out var ackSentBy))
        {
            // An ACK is only matched: its Via is read for the key, not built.
            key = new SipTransactionKey(ackBranch, ackSentBy.ToLowerInvariant(), SipMethods.Invite);
            return true;
        }

        if (request.TopVia is not { } via)
        {
            return false;
        }

        var method = request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method;
        if (via.HasRfc3261Branch)
        {
            key = new SipTransactionKey(via.Branch!, via.SentBy.ToLowerInvariant(), method);
            return true;
        }

        if (request.CallId is not { } callId || request.CSeq is not { } cseq)
        {
            return false;
        }

        key = new SipTransactionKey(
            "2543:" + callId + ":" + cseq.Number.ToString(CultureInfo.InvariantCulture) + ":" + request.FromTag + ":" + via.Branch,
            via.SentBy.ToLowerInvariant(), method);
        return true;
    }
}
