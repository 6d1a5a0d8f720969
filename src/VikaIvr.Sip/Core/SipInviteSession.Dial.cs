using System.Globalization;
using System.Text;
using System.Threading.Channels;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Sip.Dialogs;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Core;

/// <summary>The calling side: the INVITE's responses, the ACK for each 2xx, CANCEL, BYE and INFO we send, and the progress events.</summary>
public sealed partial class SipInviteSession
{
    // Only a call we placed has this state: an answered call's session carries one reference for it.
    private Outgoing? _out;
    private SipRequest? _ack;

    /// <summary>For a call we placed: completes with the final response to the INVITE (2xx: the call is up; else it failed).</summary>
    public Task<SipResponse> DialResult => _out?.Result.Task ?? throw new InvalidOperationException("Only a call we placed has a dial result.");

    /// <summary>For a call we placed: when its 2xx arrived (taken on the SIP receive path, before anyone awaits it), or null.</summary>
    public DateTimeOffset? AnsweredAt => _out?.AnsweredAt;

    /// <summary>The body of the 2xx to our INVITE (the SDP answer), or null.</summary>
    public SipBody? RemoteBody => _out?.RemoteBody;

    /// <summary>For a call we placed: everything that happened, in order; completes when the call ends.</summary>
    public ChannelReader<SipOutgoingEvent> Events => _out?.Events.Reader ?? throw new InvalidOperationException("Only a call we placed reports events.");

    /// <summary>The dial request of a call we placed.</summary>
    public SipDialRequest? DialRequest => _out?.Request;

    internal static SipInviteSession ForOutgoing(SipUserAgent agent, Lock sync, SipDialRequest request, SipRequest invite, SipDialog dialog) =>
        new(agent, sync, dialog, invite, request.Destination, SipCallState.Calling) { _out = new Outgoing(request) };

    /// <summary>Sends one key as SIP INFO (application/dtmf-relay); returns the peer's status code.</summary>
    public Task<int> SendInfoDtmfAsync(char digit, TimeSpan duration, CancellationToken ct = default)
    {
        var body = "Signal=" + digit + "\r\nDuration=" + ((int)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "\r\n";
        return SendInfoAsync(SipBody.FromText("application/dtmf-relay", body), ct);
    }

    /// <summary>Sends an INFO in the dialog; returns the peer's status code (481 when the call is not up).</summary>
    public async Task<int> SendInfoAsync(SipBody body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        SipClientTransaction tx;
        lock (_sync)
        {
            if (State != SipCallState.Confirmed)
            {
                return 481;
            }

            var info = Dialog.CreateRequest(SipMethods.Info);
            info.SetBody(body.Content, body.ContentType);
            tx = _agent.Transactions.SendRequest(info, Dialog.Flow, _sync);
            Report(SipOutgoingEventKind.InfoSent, 0, body.Text.ReplaceLineEndings(" ").Trim());
        }

        var response = await tx.Completion.WaitAsync(ct).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>Sends the INVITE (called once, by the user agent, after the session is in its table).</summary>
    internal void Start()
    {
        lock (_sync)
        {
            var tx = _agent.Transactions.SendRequest(Invite, Dialog.Flow, _sync);
            _out!.ClientInvite = tx;
            tx.ResponseReceived = OnInviteResponse;
            if (tx.Completion.IsCompleted)
            {
                // The transport refused the INVITE at once (e.g. a TCP connect that cannot start): a 503 already.
                OnInviteResponse(tx.Completion.Result);
            }
        }

        if (State == SipCallState.Ended)
        {
            // Refused before Dial returned: the caller sees the result at once (SignalEnded is idempotent).
            SignalEnded();
        }
    }

    /// <summary>A 2xx retransmission after the INVITE transaction ended still needs its ACK (RFC 3261 13.2.2.4).</summary>
    internal void OnStray2xx()
    {
        lock (_sync)
        {
            if (_ack is { } ack)
            {
                _agent.Transport.Send(ack, Dialog.Flow);
            }
        }
    }

    /// <summary>Under the lock: every response to our INVITE, retransmitted 2xx included.</summary>
    private void OnInviteResponse(SipResponse response)
    {
        var status = response.StatusCode;
        if (State == SipCallState.Ended)
        {
            return;
        }

        if (status < 200)
        {
            if (State == SipCallState.Calling)
            {
                State = SipCallState.Proceeding;
            }

            Report(SipOutgoingEventKind.Response, status, response.ReasonPhrase);
            if (_out!.CancelRequested)
            {
                SendCancel();
            }

            return;
        }

        if (status >= 300)
        {
            Report(SipOutgoingEventKind.Response, status, response.ReasonPhrase);
            if (_out!.CancelRequested && status == 487)
            {
                Terminate(SipCallEndReason.Cancelled, SipSessionSide.Local, status, final: response);
            }
            else
            {
                Terminate(SipCallEndReason.Rejected, SipSessionSide.Remote, status, final: response);
            }

            return;
        }

        if (_ack is not null)
        {
            // A retransmitted 2xx means our ACK was lost (RFC 3261 13.2.2.4).
            _agent.Transport.Send(_ack, Dialog.Flow);
            return;
        }

        var placed = _out!;
        placed.AnsweredAt = _agent.Time.GetUtcNow();
        State = SipCallState.Confirmed;
        Dialog.Establish(response);
        placed.RemoteBody = response.Body.IsEmpty ? null : new SipBody(response.ContentType?.ToString() ?? "application/sdp", response.Body);
        _ack = Dialog.CreateRequest(SipMethods.Ack, Invite.CSeq!.Number);
        Report(SipOutgoingEventKind.Response, status, response.ReasonPhrase);
        _agent.Transport.Send(_ack, Dialog.Flow);
        placed.Result.TrySetResult(response);
        if (_out!.CancelRequested)
        {
            // The CANCEL lost the race with the answer: end the call properly.
            Terminate(SipCallEndReason.LocalBye, SipSessionSide.Local, sendBye: true);
        }
    }

    private async Task HangupOutgoingAsync(CancellationToken ct)
    {
        SipClientTransaction? bye = null;
        lock (_sync)
        {
            switch (State)
            {
                case SipCallState.Ended:
                    return;
                case SipCallState.Confirmed:
                    bye = Terminate(SipCallEndReason.LocalBye, SipSessionSide.Local, sendBye: true);
                    break;
                case SipCallState.Proceeding:
                    _out!.CancelRequested = true;
                    SendCancel();
                    break;
                default:
                    // RFC 3261 9.1: no CANCEL before a provisional response; it goes out with the first one.
                    _out!.CancelRequested = true;
                    break;
            }
        }

        if (bye is not null)
        {
            await bye.Completion.WaitAsync(ct).ConfigureAwait(false);
        }
        else
        {
            await DialResult.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>RFC 3261 9.1: same Request-URI, Call-ID, From, To, top Via (branch) and CSeq number as the INVITE.</summary>
    private void SendCancel()
    {
        if (_out is not { ClientInvite: { State: SipTransactionState.Proceeding } inviteTx, CancelSent: false } placed)
        {
            return;
        }

        placed.CancelSent = true;
        var cancel = new SipRequest(SipMethods.Cancel, Invite.RequestUri);
        cancel.Headers.Add(SipHeaderId.Via, Invite.Headers.Get(SipHeaderId.Via)!);
        cancel.Headers.Add(SipHeaderId.MaxForwards, "70");
        cancel.Headers.Add(SipHeaderId.From, Invite.Headers.Get(SipHeaderId.From)!);
        cancel.Headers.Add(SipHeaderId.To, Invite.Headers.Get(SipHeaderId.To)!);
        cancel.Headers.Add(SipHeaderId.CallId, Invite.CallId!);
        cancel.Headers.Add(SipHeaderId.CSeq, Invite.CSeq!.Number.ToString(CultureInfo.InvariantCulture) + " CANCEL");
        _agent.Transactions.SendRequest(cancel, inviteTx.Destination, _sync);
        Report(SipOutgoingEventKind.CancelSent, 0, string.Empty);
    }

    /// <summary>Under the lock; a no-op for a call we answer.</summary>
    private void Report(SipOutgoingEventKind kind, int status, string text) =>
        _out?.Events.Writer.TryWrite(new SipOutgoingEvent(kind, status, text, _agent.Time.GetUtcNow()));

    /// <summary>What only a call we placed keeps: its request, its result and events, its INVITE transaction and CANCEL.</summary>
    private sealed class Outgoing(SipDialRequest request)
    {
        public SipDialRequest Request { get; } = request;
        public TaskCompletionSource<SipResponse> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Channel<SipOutgoingEvent> Events { get; } = Channel.CreateUnbounded<SipOutgoingEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        public SipClientTransaction? ClientInvite { get; set; }
        public bool CancelRequested { get; set; }
        public bool CancelSent { get; set; }
        public DateTimeOffset? AnsweredAt { get; set; }
        public SipBody? RemoteBody { get; set; }

        /// <summary>The final response the call ended with (the dial result when it ends before a 2xx).</summary>
        public SipResponse? FinalOnEnd { get; set; }
    }
}
