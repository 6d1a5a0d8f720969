using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Core;

/// <summary>
/// RFC 3261 8.2.2.2 loop and merge detection: the live transactions of requests outside a dialog, by
/// From tag, Call-ID and CSeq. A plain table under a lock (new requests come from one dispatcher), so
/// remembering a request takes a slot of its arrays, not a node of its own; terminated transactions
/// are swept out when the table is full.
/// </summary>
internal sealed class SipMergeTable
{
    private const int SweepAt = 4096;
    private readonly Lock _sync = new();
    private readonly Dictionary<(string CallId, string FromTag, uint CSeq, string Method), SipServerTransaction> _recent = [];

    /// <summary>Same From tag, Call-ID and CSeq as a live transaction (the caller checked it is not that transaction's own retransmission).</summary>
    public bool IsMerged(SipRequest request)
    {
        if (!TryKey(request, out var key))
        {
            return false;
        }

        lock (_sync)
        {
            return _recent.TryGetValue(key, out var tx) && tx.State != SipTransactionState.Terminated;
        }
    }

    /// <summary>Remembers the transaction of a new request outside a dialog.</summary>
    public void Remember(SipRequest request, SipServerTransaction tx)
    {
        if (!TryKey(request, out var key))
        {
            return;
        }

        lock (_sync)
        {
            if (_recent.Count >= SweepAt)
            {
                foreach (var entry in _recent)
                {
                    if (entry.Value.State == SipTransactionState.Terminated)
                    {
                        _recent.Remove(entry.Key);
                    }
                }
            }

            _recent[key] = tx;
        }
    }

    private static bool TryKey(SipRequest request, out (string CallId, string FromTag, uint CSeq, string Method) key)
    {
        // The CSeq read from its bytes: a request whose CSeq names its own method makes no CSeq here.
        if (request.ToTag is not null || request.FromTag is not { } fromTag || request.CallId is not { } callId
            || !request.TryReadCSeq(request.Method, out var number, out var method))
        {
            key = default;
            return false;
        }

        key = (callId, fromTag, number, method);
        return true;
    }
}
