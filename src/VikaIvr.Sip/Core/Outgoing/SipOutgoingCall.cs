using System.Globalization;
using System.Threading.Channels;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core.Outgoing;

/// <summary>
/// One call we placed (the UAC side of a dialog, RFC 3261 12.1.2): progress, the answer, the
/// in-dialog requests we send (BYE, INFO) and the ones the peer sends (BYE, REFER). State changes
/// under the agent's gate; <see cref="Events"/> reports everything in order without blocking SIP.
/// </summary>
public sealed class SipOutgoingCall
{
    private readonly SipClientAgent _agent;
    private readonly Channel<SipOutgoingEvent> _events = Channel.CreateUnbounded<SipOutgoingEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly TaskCompletionSource<SipResponse> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _ended = new();
    private uint _localCSeq;

    internal SipOutgoingCall(SipClientAgent agent, SipDialRequest request, SipRequest invite, string localTag, string localHost, int localPort)
    {
        _agent = agent;
        Request = request;
        Invite = invite;
        CallId = invite.CallId!;
        LocalTag = localTag;
        LocalHost = localHost;
        LocalPort = localPort;
        LocalParty = invite.From!;
        RemoteParty = invite.To!;
        RemoteTarget = request.Target.WithoutHeaders();
        _localCSeq = invite.CSeq!.Number;
    }

    public string CallId { get; }

    public string LocalTag { get; }

    public SipDialRequest Request { get; }

    public SipOutgoingCallState State { get; internal set; }

    /// <summary>Completes with the final response to the INVITE (2xx: the call is up; else it failed).</summary>
    public Task<SipResponse> Answer => _answer.Task;

    /// <summary>The SDP answer from the 2xx, or null.</summary>
    public string? RemoteSdp { get; private set; }

    /// <summary>Fires once the call is over (either side's BYE, a failure, a CANCEL).</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Why it ended: "remote-bye", "local-bye", "rejected 486", "cancelled".</summary>
    public string? EndReason { get; private set; }

    /// <summary>Everything that happened, in order; completes when the call ends.</summary>
    public ChannelReader<SipOutgoingEvent> Events => _events.Reader;

    internal SipRequest Invite { get; }

    internal SipClientTransaction? InviteTransaction { get; set; }

    internal SipRequest? Ack { get; private set; }

    internal string LocalHost { get; }

    internal int LocalPort { get; }

    internal SipNameAddr LocalParty { get; }

    internal SipNameAddr RemoteParty { get; private set; }

    internal SipUri RemoteTarget { get; private set; }

    internal IReadOnlyList<string> RouteSet { get; private set; } = [];

    internal SipEndPoint Flow => Request.Destination;

    internal bool CancelRequested { get; set; }

    internal bool CancelSent { get; set; }

    /// <summary>Hangs up: BYE when established, CANCEL while ringing. Completes with the peer's answer (or at once when already over).</summary>
    public Task HangupAsync(CancellationToken ct = default) => _agent.HangupAsync(this, ct);

    /// <summary>Sends one key as SIP INFO (application/dtmf-relay); returns the peer's status code.</summary>
    public Task<int> SendInfoDtmfAsync(char digit, TimeSpan duration, CancellationToken ct = default)
    {
        var body = "Signal=" + digit + "\r\nDuration=" + ((int)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "\r\n";
        return _agent.SendInfoAsync(this, "application/dtmf-relay", body, ct);
    }

    public override string ToString() => "SipOutgoingCall " + CallId;

    internal void Report(SipOutgoingEventKind kind, int status, string text) =>
        _events.Writer.TryWrite(new SipOutgoingEvent(kind, status, text, _agent.Time.GetUtcNow()));

    /// <summary>Takes the dialog from the 2xx (RFC 3261 12.1.2) and builds its ACK; false for a retransmission.</summary>
    internal bool Establish(SipResponse ok)
    {
        if (State == SipOutgoingCallState.Established || State == SipOutgoingCallState.Ended)
        {
            return false;
        }

        State = SipOutgoingCallState.Established;
        RemoteParty = ok.To ?? RemoteParty;
        RemoteTarget = ok.Contact?.Uri.WithoutHeaders() ?? RemoteTarget;
        var routes = ok.Headers.GetAll(SipHeaderId.RecordRoute);
        var reversed = new string[routes.Count];
        for (var i = 0; i < routes.Count; i++)
        {
            reversed[i] = routes[routes.Count - 1 - i];
        }

        RouteSet = reversed;
        RemoteSdp = ok.Body.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(ok.Body.Span);
        Ack = CreateRequest(SipMethods.Ack, Invite.CSeq!.Number);
        _answer.TrySetResult(ok);
        return true;
    }

    internal void Fail(SipResponse final, string reason)
    {
        _answer.TrySetResult(final);
        End(reason);
    }

    /// <summary>Marks the call over (under the gate); false when it already was.</summary>
    internal bool End(string reason)
    {
        if (State == SipOutgoingCallState.Ended)
        {
            return false;
        }

        State = SipOutgoingCallState.Ended;
        EndReason = reason;
        _answer.TrySetResult(new SipResponse(487, "Request Terminated"));
        _events.Writer.TryComplete();
        _ended.Cancel();
        return true;
    }

    /// <summary>A new in-dialog request (next CSeq unless given) with a fresh branch.</summary>
    internal SipRequest CreateRequest(string method, uint? cseq = null)
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
        h.Add(SipHeaderId.Contact, "<" + SipClientAgent.ContactUri(LocalParty.Uri.User, LocalHost, LocalPort, Flow) + ">");
        return request;
    }
}
