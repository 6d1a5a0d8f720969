using System.Security.Cryptography;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>
/// The transaction tables and their matching rules (RFC 3261 17.1.3, 17.2.3). Not thread-safe
/// by itself: callers hold <see cref="Gate"/>, which timers take too.
/// </summary>
public sealed class SipTransactionLayer
{
    private readonly Dictionary<SipTransactionKey, SipServerTransaction> _server = [];
    private readonly Dictionary<(string Branch, string Method), SipClientTransaction> _client = [];

    public SipTransactionLayer(ISipTransport transport, SipTimerOptions timers, TimeProvider time)
    {
        Transport = transport;
        Timers = timers;
        Time = time;
    }

    /// <summary>The one lock of the SIP stack: transactions, dialogs and the UA core change state under it.</summary>
    public object Gate { get; } = new();

    public ISipTransport Transport { get; }

    public SipTimerOptions Timers { get; }

    public TimeProvider Time { get; }

    public int ServerCount => _server.Count;

    public int ClientCount => _client.Count;

    /// <summary>A fresh RFC 3261 branch.</summary>
    public static string NewBranch() => SipVia.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>The server transaction a request (or its ACK) belongs to, or null for a new request.</summary>
    public SipServerTransaction? FindServer(SipRequest request) =>
        SipTransactionKey.TryCreate(request, out var key) && _server.TryGetValue(key, out var tx) ? tx : null;

    /// <summary>The INVITE transaction a CANCEL targets (same branch and sent-by, method INVITE).</summary>
    public SipInviteServerTransaction? FindInviteForCancel(SipRequest cancel)
    {
        if (!SipTransactionKey.TryCreate(cancel, out var key))
        {
            return null;
        }

        return _server.TryGetValue(key with { Method = SipMethods.Invite }, out var tx) ? tx as SipInviteServerTransaction : null;
    }

    /// <summary>
    /// Passes a request to its transaction when it is a retransmission (or an ACK for a
    /// non-2xx); true when absorbed that way.
    /// </summary>
    public bool TryAbsorb(SipRequest request)
    {
        var tx = FindServer(request);
        if (tx is null)
        {
            return false;
        }

        if (request.Method == SipMethods.Ack && tx is SipInviteServerTransaction { State: not (SipTransactionState.Completed or SipTransactionState.Confirmed) })
        {
            // ACK for a 2xx is its own transaction, handled by the dialog.
            return false;
        }

        tx.OnRequest(request);
        return true;
    }

    /// <summary>Creates the server transaction for a new request (not for ACK).</summary>
    public SipServerTransaction CreateServer(SipRequest request, SipEndPoint source)
    {
        if (!SipTransactionKey.TryCreate(request, out var key))
        {
            throw new ArgumentException("The request has no Via to key a transaction on.", nameof(request));
        }

        SipServerTransaction tx = request.Method == SipMethods.Invite
            ? new SipInviteServerTransaction(this, key, request, source)
            : new SipNonInviteServerTransaction(this, key, request, source);
        _server[key] = tx;
        return tx;
    }

    /// <summary>Starts a client transaction; the request must carry a top Via with a fresh branch.</summary>
    public SipClientTransaction SendRequest(SipRequest request, SipEndPoint destination)
    {
        SipClientTransaction tx = request.Method == SipMethods.Invite
            ? new SipInviteClientTransaction(this, request, destination)
            : new SipNonInviteClientTransaction(this, request, destination);
        _client[(tx.Branch, request.Method)] = tx;
        tx.Start();
        return tx;
    }

    /// <summary>Routes a response to its client transaction; false for a stray response.</summary>
    public bool HandleResponse(SipResponse response)
    {
        if (response.TopVia?.Branch is not { } branch || response.CSeq is not { } cseq)
        {
            return false;
        }

        var method = cseq.Method == SipMethods.Ack ? SipMethods.Invite : cseq.Method;
        if (!_client.TryGetValue((branch, method), out var tx))
        {
            return false;
        }

        tx.OnResponse(response);
        return true;
    }

    internal SipTimer CreateTimer(Action callback) => new(Time, Gate, callback);

    internal void Remove(SipServerTransaction tx)
    {
        if (_server.TryGetValue(tx.Key, out var current) && ReferenceEquals(current, tx))
        {
            _server.Remove(tx.Key);
        }
    }

    internal void Remove(SipClientTransaction tx)
    {
        var key = (tx.Branch, tx.Request.Method);
        if (_client.TryGetValue(key, out var current) && ReferenceEquals(current, tx))
        {
            _client.Remove(key);
        }
    }
}
