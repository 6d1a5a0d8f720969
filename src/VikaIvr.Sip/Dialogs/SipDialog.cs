using System.Globalization;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Dialogs;

/// <summary>
/// A dialog of either role (RFC 3261 12.1): identity, route set, remote target and CSeq spaces,
/// and building in-dialog requests — one implementation for the answering and the calling side.
/// Not thread-safe: its invite session changes it under the session's lock.
/// </summary>
public sealed class SipDialog
{
    private uint _localCSeq;
    private string? _contactHeader;

    private SipNameAddr? _localParty;
    private SipNameAddr? _remoteParty;
    private SipUri? _remoteTarget;

    // An answering dialog builds its parties (the INVITE's From, and its To with our tag) and its
    // remote target (the INVITE's Contact) only when a request of ours needs them.
    private SipRequest? _invite;

    private SipDialog(string callId, string localTag, string remoteTag, SipNameAddr? localParty, SipNameAddr? remoteParty, SipUri? remoteTarget,
        IReadOnlyList<string> routeSet, SipEndPoint flow, string localHost, int localPort, uint localCSeq, bool isUac)
    {
        CallId = callId;
        LocalTag = localTag;
        RemoteTag = remoteTag;
        _localParty = localParty;
        _remoteParty = remoteParty;
        _remoteTarget = remoteTarget;
        RouteSet = routeSet;
        Flow = flow;
        LocalHost = localHost;
        LocalPort = localPort;
        _localCSeq = localCSeq;
        IsUac = isUac;
    }

    public string CallId { get; }

    public string LocalTag { get; }

    public string RemoteTag { get; private set; }

    /// <summary>Our From in requests we send.</summary>
    public SipNameAddr LocalParty => _localParty ??= _invite!.To!.WithTag(LocalTag);

    public SipNameAddr RemoteParty
    {
        get => _remoteParty ??= _invite!.From!;
        private set => _remoteParty = value;
    }

    /// <summary>The user part of the remote party's URI as written (<c>RemoteParty.Uri.User</c>), read without building the party when it is not built yet.</summary>
    internal string? RemoteUser => _remoteParty is { } remote ? remote.Uri.User : UserOf(_invite!.AddressUser(SipHeaderId.From));

    /// <summary>The user part of our party's URI as written (<c>LocalParty.Uri.User</c>), read as <see cref="RemoteUser"/>.</summary>
    private string? LocalUser => _localParty is { } local ? local.Uri.User : UserOf(_invite!.AddressUser(SipHeaderId.To));

    public SipUri RemoteTarget
    {
        get => _remoteTarget ??= _invite!.Contact?.Uri.WithoutHeaders() ?? RemoteParty.Uri;
        private set => _remoteTarget = value;
    }

    /// <summary>The route set: Record-Route in INVITE order for a UAS, reversed from the 2xx for a UAC.</summary>
    public IReadOnlyList<string> RouteSet { get; private set; }

    public uint RemoteCSeq { get; private set; }

    /// <summary>Where in-dialog requests go: the flow the INVITE came in on (NAT-safe, and the proxy when there is one), or the one we dialled.</summary>
    public SipEndPoint Flow { get; }

    public string LocalHost { get; }

    public int LocalPort { get; }

    /// <summary>True for the calling side.</summary>
    public bool IsUac { get; }

    /// <summary>Our Contact URI.</summary>
    public SipUri LocalContact => ContactFor(LocalUser, LocalHost, LocalPort, Flow);

    /// <summary>Our Contact header value, <c>&lt;uri&gt;</c>, made once (its parts never change).</summary>
    internal string LocalContactHeader => _contactHeader ??= ContactHeaders is { } shared
        ? shared.Get(LocalUser, LocalHost, LocalPort, Flow)
        : "<" + LocalContact + ">";

    /// <summary>Where the user agent keeps the Contact values its dialogs share (null: this dialog writes its own).</summary>
    internal SipContactHeaders? ContactHeaders { get; set; }

    /// <summary>The UAS dialog from an INVITE we answer, with our chosen tag (RFC 3261 12.1.1).</summary>
    public static SipDialog ForIncoming(SipRequest invite, string localTag, SipEndPoint flow, string localHost, int localPort)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var callId = invite.CallId ?? throw new ArgumentException("INVITE without Call-ID", nameof(invite));
        if (!invite.HasValidTo)
        {
            throw new ArgumentException("INVITE without To", nameof(invite));
        }

        // From and To are checked here and built only when a request of ours needs them.
        var remoteTag = invite.FromTagOrEmpty ?? throw new ArgumentException("INVITE without From", nameof(invite));
        var dialog = new SipDialog(callId, localTag, remoteTag, null, null,
            null, invite.Headers.Contains(SipHeaderId.RecordRoute) ? [.. invite.Headers.GetAll(SipHeaderId.RecordRoute)] : [],
            flow, localHost, localPort, (uint)Random.Shared.Next(1, 10000), isUac: false)
        {
            _invite = invite,
        };
        dialog.RemoteCSeq = invite.CSeqNumber ?? 0;
        return dialog;
    }

    /// <summary>The UAC dialog of an INVITE we send; <see cref="Establish"/> completes it from the 2xx (RFC 3261 12.1.2).</summary>
    public static SipDialog ForOutgoing(SipRequest invite, SipUri target, SipEndPoint flow, string localHost, int localPort)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(target);
        var from = invite.From ?? throw new ArgumentException("INVITE without From", nameof(invite));
        return new SipDialog(invite.CallId!, from.Tag ?? string.Empty, string.Empty, from, invite.To!, target.WithoutHeaders(), [],
            flow, localHost, localPort, invite.CSeq!.Number, isUac: true);
    }

    /// <summary>
    /// Our Contact on a flow: over TCP or TLS it names the transport, so the peer's in-dialog
    /// requests (BYE, re-INVITE) come back over it, TLS included (RFC 5630: transport=tls, not sips:,
    /// which would also bind every hop after the peer).
    /// </summary>
    public static SipUri ContactFor(string? user, string host, int port, SipEndPoint flow) => flow.Protocol switch
    {
        SipTransportProtocol.Tcp => new("sip", user, host, port, SipParameterList.Empty.With("transport", "tcp")),
        SipTransportProtocol.Tls => new("sip", user, host, port, SipParameterList.Empty.With("transport", "tls")),
        _ => new("sip", user, host, port),
    };

    /// <summary>Takes the remote tag, target and (reversed) route set from a 2xx to our INVITE.</summary>
    public void Establish(SipResponse ok)
    {
        ArgumentNullException.ThrowIfNull(ok);
        RemoteParty = ok.To ?? RemoteParty;
        RemoteTag = RemoteParty.Tag ?? string.Empty;
        RemoteTarget = ok.Contact?.Uri.WithoutHeaders() ?? RemoteTarget;
        var routes = ok.Headers.GetAll(SipHeaderId.RecordRoute);
        var reversed = new string[routes.Count];
        for (var i = 0; i < routes.Count; i++)
        {
            reversed[i] = routes[routes.Count - 1 - i];
        }

        RouteSet = reversed;
    }

    /// <summary>
    /// Checks and records the CSeq of an in-dialog request (RFC 3261 12.2.2): false when it is
    /// lower than one already seen (answer 500).
    /// </summary>
    public bool AcceptRemoteCSeq(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
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

    /// <summary>A new in-dialog request with the next local CSeq (or the given one, for an ACK) and a fresh branch.</summary>
    public SipRequest CreateRequest(string method, uint? cseq = null)
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
        var number = cseq ?? ++_localCSeq;
        h.Add(SipHeaderId.CSeq, number.ToString(CultureInfo.InvariantCulture) + " " + method);
        h.Add(SipHeaderId.Contact, LocalContactHeader);
        return request;
    }

    private static string? UserOf(string? addressUser) => addressUser is { Length: > 0 } user ? user : null;

    /// <summary>True when a request belongs to this dialog (Call-ID, To tag = ours, From tag = theirs).</summary>
    public bool Matches(SipRequest request) =>
        request.CallId == CallId && request.ToTag == LocalTag && ((IsUac && RemoteTag.Length == 0) || (request.FromTag ?? string.Empty) == RemoteTag);

    /// <summary>As <see cref="Matches(SipRequest)"/> on a request's ids read without strings (a To tag that is not empty).</summary>
    internal bool Matches(SipDialogIds ids) =>
        ids.CallId.SequenceEqual(CallId) && ids.ToTag.SequenceEqual(LocalTag) && ((IsUac && RemoteTag.Length == 0) || ids.FromTag.SequenceEqual(RemoteTag));
}
