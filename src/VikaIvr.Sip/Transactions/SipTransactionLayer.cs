using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>
/// The transaction tables and their matching rules (RFC 3261 17.1.3, 17.2.3). The tables are
/// concurrent; each transaction guards its own state with its own lock (or its session's), so
/// no lock is held across the stack.
/// </summary>
public sealed class SipTransactionLayer
{
    private readonly ConcurrentDictionary<SipTransactionKey, SipServerTransaction> _server = new(SipTransactionKeyComparer.Instance);
    private readonly ConcurrentDictionary<(string Branch, string Method), SipClientTransaction> _client = new();

    public SipTransactionLayer(ISipTransport transport, SipTimerOptions timers, TimeProvider time)
    {
        Transport = transport;
        Timers = timers;
        Time = time;
    }

    public ISipTransport Transport { get; }

    public SipTimerOptions Timers { get; }

    public TimeProvider Time { get; }

    /// <summary>Counts the responses sent to INVITEs; null: not counted.</summary>
    public Core.SipMetrics? Metrics { get; init; }

    /// <summary>Sources whose Via maddr is honoured; empty: responses always go to the transport source.</summary>
    public Core.SipCidr[] TrustedProxies { get; init; } = [];

    public int ServerCount => _server.Count;

    public int ClientCount => _client.Count;

    /// <summary>A fresh RFC 3261 branch.</summary>
    public static string NewBranch()
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        return string.Concat(SipVia.MagicCookie, Convert.ToHexStringLower(random));
    }

    /// <summary>Where a response to a request from <paramref name="source"/> goes: maddr only for a trusted proxy.</summary>
    public SipEndPoint ResponseDestination(SipVia? top, SipEndPoint source) =>
        SipResponseRouter.Destination(top, source, IsTrusted(source.Address.Address));

    /// <summary>The server transaction a request (or its ACK) belongs to, or null for a new request.</summary>
    [SkipLocalsInit]
    public SipServerTransaction? FindServer(SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            // An ACK is only matched: its key is read into spans and looked up without its strings.
            Span<char> branch = stackalloc char[SipMessage.TopViaKeyChars];
            Span<char> sentBy = stackalloc char[SipMessage.TopViaKeyChars];
            if (request.TryReadTopViaKey(branch, sentBy, out var branchLength, out var sentByLength))
            {
                var lookup = _server.GetAlternateLookup<SipTransactionKeySpan>();
                return lookup.TryGetValue(new SipTransactionKeySpan(branch[..branchLength], sentBy[..sentByLength], SipMethods.Invite), out var found)
                    ? found : null;
            }
        }

        return SipTransactionKey.TryCreate(request, out var key) && _server.TryGetValue(key, out var tx) ? tx : null;
    }

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
        // ACK for a 2xx is its own transaction, handled by the dialog: the transaction says no.
        return FindServer(request) is { } tx && tx.TryAbsorb(request);
    }

    /// <summary>Creates the server transaction for a new request (not for ACK) with its own lock.</summary>
    public SipServerTransaction CreateServer(SipRequest request, SipEndPoint source) => CreateServer(request, source, null);

    /// <summary>
    /// Creates the server transaction for a new request, guarded by <paramref name="sync"/> (the
    /// invite session's lock) or its own. A copy already in the table (a retransmission racing
    /// the first) is returned instead, having absorbed the request.
    /// </summary>
    internal SipServerTransaction CreateServer(SipRequest request, SipEndPoint source, Lock? sync)
    {
        if (!SipTransactionKey.TryCreate(request, out var key))
        {
            throw new ArgumentException("The request has no Via to key a transaction on.", nameof(request));
        }

        SipServerTransaction tx = request.Method == SipMethods.Invite
            ? new SipInviteServerTransaction(this, key, request, source, sync)
            : new SipNonInviteServerTransaction(this, key, request, source, sync);
        var current = _server.GetOrAdd(key, tx);
        if (!ReferenceEquals(current, tx))
        {
            tx.Discard();
            current.Receive(request);
        }

        return current;
    }

    /// <summary>Starts a client transaction; the request must carry a top Via with a fresh branch.</summary>
    public SipClientTransaction SendRequest(SipRequest request, SipEndPoint destination) => SendRequest(request, destination, null);

    /// <summary>Starts a client transaction guarded by <paramref name="sync"/> (the invite session's lock) or its own.</summary>
    internal SipClientTransaction SendRequest(SipRequest request, SipEndPoint destination, Lock? sync)
    {
        SipClientTransaction tx = request.Method == SipMethods.Invite
            ? new SipInviteClientTransaction(this, request, destination, sync)
            : new SipNonInviteClientTransaction(this, request, destination, sync);
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

        tx.Receive(response);
        return true;
    }

    internal void Remove(SipServerTransaction tx)
    {
        _server.TryRemove(KeyValuePair.Create(tx.Key, tx));
    }

    internal void Remove(SipClientTransaction tx)
    {
        _client.TryRemove(KeyValuePair.Create((tx.Branch, tx.Request.Method), tx));
    }

    private bool IsTrusted(System.Net.IPAddress address)
    {
        foreach (var cidr in TrustedProxies)
        {
            if (cidr.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
