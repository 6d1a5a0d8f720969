using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core.Outgoing;

/// <summary>
/// A small SIP UAC (a test caller, an outbound dialer) on its own transport and transaction layer:
/// INVITE with an SDP offer, 2xx ACK (and again for each retransmitted 2xx), CANCEL, BYE and INFO;
/// answers the peer's BYE, INFO, NOTIFY and OPTIONS, and a REFER with 202 and a final NOTIFY.
/// </summary>
public sealed partial class SipClientAgent : ISipInboundHandler, IAsyncDisposable
{
    private readonly ISipTransport _transport;
    private readonly ILogger _logger;
    private readonly Dictionary<(string CallId, string LocalTag), SipOutgoingCall> _calls = [];

    public SipClientAgent(ISipTransport transport, SipTimerOptions timers, TimeProvider time, ILogger<SipClientAgent> logger)
    {
        _transport = transport;
        _logger = logger;
        Time = time;
        Transactions = new SipTransactionLayer(transport, timers, time);
    }

    public SipTransactionLayer Transactions { get; }

    public TimeProvider Time { get; }

    /// <summary>The host written in Via and Contact; null uses the transport's bound address.</summary>
    public string? ContactHost { get; init; }

    public string UserAgentName { get; init; } = "VikaIvr-TestCaller";

    private object Gate => Transactions.Gate;

    /// <summary>Starts receiving.</summary>
    public void Start() => _transport.Start(this);

    /// <summary>Sends the INVITE; follow the call through <see cref="SipOutgoingCall.Answer"/> and its events.</summary>
    public SipOutgoingCall Dial(SipDialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var local = _transport.GetLocalEndPoint(request.Destination.Protocol)
            ?? throw new InvalidOperationException("The transport has no " + request.Destination.ViaTransport + " listener.");
        var host = ContactHost ?? SipAddress.FormatHost(local.Address);
        var tag = SipUserAgent.NewTag();
        var invite = new SipRequest(SipMethods.Invite, request.Target.WithoutHeaders());
        var h = invite.Headers;
        h.Add(SipHeaderId.Via, SipVia.Create(request.Destination.ViaTransport, host, local.Port, SipTransactionLayer.NewBranch()).ToString());
        h.Add(SipHeaderId.MaxForwards, "70");
        h.Add(SipHeaderId.From, "<sip:" + request.FromUser + "@" + host + ">;tag=" + tag);
        h.Add(SipHeaderId.To, "<" + new SipUri(request.Target.Scheme, request.Target.User, request.Target.Host, request.Target.Port) + ">");
        h.Add(SipHeaderId.CallId, Guid.NewGuid().ToString("N") + "@" + host);
        h.Add(SipHeaderId.CSeq, Random.Shared.Next(1, 10000).ToString(CultureInfo.InvariantCulture) + " INVITE");
        h.Add(SipHeaderId.Contact, "<" + ContactUri(request.FromUser, host, local.Port, request.Destination) + ">");
        h.Add(SipHeaderId.Allow, "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, NOTIFY, REFER");
        h.Add(SipHeaderId.UserAgent, UserAgentName);
        if (request.Offer is { } sdp)
        {
            invite.SetBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
        }

        lock (Gate)
        {
            var call = new SipOutgoingCall(this, request, invite, tag, host, local.Port);
            _calls[(call.CallId, tag)] = call;
            var tx = Transactions.SendRequest(invite, request.Destination);
            call.InviteTransaction = tx;
            tx.ResponseReceived = response => OnInviteResponse(call, response);
            if (tx.Completion.IsCompleted)
            {
                // The transport refused the INVITE at once (e.g. a TCP connect that cannot start): a 503 already.
                OnInviteResponse(call, tx.Completion.Result);
            }

            _logger.LogDebug("Sip dialing {Target} via {Destination}", request.Target, request.Destination);
            return call;
        }
    }

    public void OnMessage(SipMessage message, SipEndPoint source, IPEndPoint local)
    {
        lock (Gate)
        {
            if (message is SipResponse response)
            {
                if (!Transactions.HandleResponse(response))
                {
                    OnStrayResponse(response);
                }

                return;
            }

            var request = (SipRequest)message;
            if (request.Method == SipMethods.Ack || Transactions.TryAbsorb(request) || !SipTransactionKey.TryCreate(request, out _))
            {
                return;
            }

            OnRequest(request, Transactions.CreateServer(request, source));
        }
    }

    public void OnMalformed(SipParseError error, SipEndPoint source, IPEndPoint local) =>
        _logger.LogInformation("Sip malformed message from {Source}: {Reason}", source, error.Reason);

    /// <summary>Hangs up every call still up, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        List<SipOutgoingCall> calls;
        lock (Gate)
        {
            calls = [.. _calls.Values];
        }

        foreach (var call in calls)
        {
            try
            {
                await call.HangupAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                lock (Gate)
                {
                    call.End("shutdown");
                }
            }
        }
    }

    internal static SipUri ContactUri(string? user, string host, int port, SipEndPoint flow) =>
        new("sip", user, host, port, flow.IsReliable ? SipParameterList.Empty.With("transport", "tcp") : null);

    private void OnInviteResponse(SipOutgoingCall call, SipResponse response)
    {
        var status = response.StatusCode;
        if (status < 200)
        {
            if (call.State == SipOutgoingCallState.Calling)
            {
                call.State = SipOutgoingCallState.Proceeding;
            }

            call.Report(SipOutgoingEventKind.Response, status, response.ReasonPhrase);
            if (call.CancelRequested)
            {
                SendCancel(call);
            }

            return;
        }

        if (status >= 300)
        {
            call.Report(SipOutgoingEventKind.Response, status, response.ReasonPhrase);
            call.Fail(response, call.CancelRequested && status == 487 ? "cancelled" : "rejected " + status.ToString(CultureInfo.InvariantCulture));
            _calls.Remove((call.CallId, call.LocalTag));
            return;
        }

        if (call.Establish(response))
        {
            call.Report(SipOutgoingEventKind.Response, status, response.ReasonPhrase);
            _transport.Send(call.Ack!, call.Flow);
            if (call.CancelRequested)
            {
                // The CANCEL lost the race with the answer: end the call properly.
                SendBye(call);
            }
        }
        else if (call.Ack is { } ack)
        {
            // A retransmitted 2xx means our ACK was lost (RFC 3261 13.2.2.4).
            _transport.Send(ack, call.Flow);
        }
    }

    /// <summary>A 2xx retransmission after the INVITE transaction ended still needs its ACK.</summary>
    private void OnStrayResponse(SipResponse response)
    {
        if (response.IsSuccess && response.CSeq?.Method == SipMethods.Invite && response.CallId is { } callId
            && response.From?.Tag is { } tag && _calls.TryGetValue((callId, tag), out var call) && call.Ack is { } ack)
        {
            _transport.Send(ack, call.Flow);
        }
    }
}
