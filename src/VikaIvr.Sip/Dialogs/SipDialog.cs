using System.Globalization;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Dialogs;

/// <summary>
/// The UAS side of a dialog (RFC 3261 12.1.1): identity, route set, remote target and CSeq
/// spaces, and building in-dialog requests. Changed under the stack's gate.
/// </summary>
public sealed class SipDialog
{
    private uint _localCSeq;

    /// <summary>Creates the dialog state from an INVITE we answer, with our chosen tag.</summary>
    public SipDialog(SipRequest invite, string localTag, SipEndPoint flow, string localHost, int localPort)
    {
        CallId = invite.CallId ?? throw new ArgumentException("INVITE without Call-ID", nameof(invite));
        LocalTag = localTag;
        RemoteTag = invite.From?.Tag ?? string.Empty;
        var to = invite.To ?? throw new ArgumentException("INVITE without To", nameof(invite));
        LocalParty = to.WithTag(localTag);
        RemoteParty = invite.From!;
        RemoteTarget = invite.Contact?.Uri.WithoutHeaders() ?? RemoteParty.Uri;
        RouteSet = [.. invite.Headers.GetAll(SipHeaderId.RecordRoute)];
        RemoteCSeq = invite.CSeq?.Number ?? 0;
        Flow = flow;
        LocalHost = localHost;
        LocalPort = localPort;
        _localCSeq = (uint)Random.Shared.Next(1, 10000);
    }

    public string CallId { get; }

    public string LocalTag { get; }

    public string RemoteTag { get; }

    /// <summary>Our From in requests we send (the INVITE's To with our tag).</summary>
    public SipNameAddr LocalParty { get; }

    public SipNameAddr RemoteParty { get; }

    public SipUri RemoteTarget { get; private set; }

    /// <summary>Record-Route values in INVITE order: the route set of a UAS.</summary>
    public IReadOnlyList<string> RouteSet { get; }

    public uint RemoteCSeq { get; private set; }

    /// <summary>Where in-dialog requests go: the flow the INVITE came in on (NAT-safe, and the proxy when there is one).</summary>
    public SipEndPoint Flow { get; }

    public string LocalHost { get; }

    public int LocalPort { get; }

    /// <summary>Our Contact URI.</summary>
    public SipUri LocalContact => new("sip", LocalParty.Uri.User, LocalHost, LocalPort,
        Flow.IsReliable ? Message.SipParameterList.Empty.With("transport", "tcp") : null);

    /// <summary>
    /// Checks and records the CSeq of an in-dialog request (RFC 3261 12.2.2): false when it is
    /// lower than one already seen (answer 500).
    /// </summary>
    public bool AcceptRemoteCSeq(SipRequest request)
    {
        if (request.CSeq is not { } cseq)
        {
            return false;
        }

        if (cseq.Number < RemoteCSeq)
        {
            return false;
        }

        RemoteCSeq = cseq.Number;
        if (request.Method == SipMethods.Invite && request.Contact is { } contact)
        {
            RemoteTarget = contact.Uri.WithoutHeaders();
        }

        return true;
    }

    /// <summary>A new in-dialog request with the next local CSeq and a fresh branch.</summary>
    public SipRequest CreateRequest(string method)
    {
        var request = new SipRequest(method, RemoteTarget);
        var h = request.Headers;
        h.Add(SipHeaderId.Via, SipVia.Create(Flow.ViaTransport, LocalHost, LocalPort, SipTransactionLayer.NewBranch()).ToString());
        h.Add(SipHeaderId.MaxForwards, "70");
        foreach (var route in RouteSet)
        {
            h.Add(SipHeaderId.Route, route);
        }

        h.Add(SipHeaderId.From, LocalParty.ToString());
        h.Add(SipHeaderId.To, RemoteParty.ToString());
        h.Add(SipHeaderId.CallId, CallId);
        h.Add(SipHeaderId.CSeq, (++_localCSeq).ToString(CultureInfo.InvariantCulture) + " " + method);
        h.Add(SipHeaderId.Contact, "<" + LocalContact + ">");
        return request;
    }

    /// <summary>True when a request belongs to this dialog (Call-ID, To tag = ours, From tag = theirs).</summary>
    public bool Matches(SipRequest request) =>
        request.CallId == CallId && request.To?.Tag == LocalTag && (request.From?.Tag ?? string.Empty) == RemoteTag;
}
