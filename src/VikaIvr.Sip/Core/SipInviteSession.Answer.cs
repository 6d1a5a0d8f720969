using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Core.SessionTimers;
using VikaIvr.Sip.Dialogs;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>The answering side: the offer, provisional responses, accept or reject, the ACK, CANCEL and the timers of an answered call.</summary>
public sealed partial class SipInviteSession
{
    private readonly TaskCompletionSource<SipBody?> _acknowledged;
    private SipInviteServerTransaction? _serverInvite;
    private SipInviteServerTransaction? _awaitingAck;
    private bool _reinvitePending;
    private SipTimer? _maxDuration;
    private SipSessionTimerTerms? _inviteTimer;

    /// <summary>The SDP offer of the INVITE we answer, or null (a late offer, or a call we placed).</summary>
    public SipBody? Offer { get; private init; }

    /// <summary>
    /// Completes with the ACK's body when the caller acknowledges our 2xx (the SDP answer of a
    /// late-offer call, else null); cancelled when the session ends first.
    /// </summary>
    public Task<SipBody?> Acknowledged => _acknowledged.Task;

    internal static SipInviteSession ForIncoming(SipUserAgent agent, Lock sync, SipRequest invite, SipInviteServerTransaction tx, SipDialog dialog, SipEndPoint source,
        SipSessionTimerTerms? terms)
    {
        var session = new SipInviteSession(agent, sync, dialog, invite, source, SipCallState.Incoming)
        {
            Offer = invite.Body.IsEmpty ? null : new SipBody(invite.PlainSdpContentType ?? invite.ContentType?.ToString() ?? "application/sdp", invite.Body),
        };
        session._serverInvite = tx;
        // The user agent negotiated (and answered a too-small Session-Expires with 422) before the session existed.
        session._inviteTimer = terms;
        lock (sync)
        {
            tx.User = session;
        }

        return session;
    }

    /// <summary>Sends a provisional response (180 Ringing, 183 with early media) before answering.</summary>
    public void SendProvisional(int statusCode = 180, SipBody? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 101);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 199);
        lock (_sync)
        {
            if (State != SipCallState.Incoming || _serverInvite is not { } tx)
            {
                return;
            }

            var response = _agent.CreateResponse(Invite, statusCode, null, Dialog.LocalTag);
            response.Headers.Add(SipHeaderId.Contact, Dialog.LocalContactHeader);
            if (body is not null)
            {
                response.SetBody(body.Content, body.ContentType);
            }

            tx.Respond(response);
        }
    }

    /// <summary>Answers 200 with <paramref name="body"/> (the SDP answer, or for a late offer our SDP offer); false when the call is no longer waiting for an answer.</summary>
    public bool Accept(SipBody body) => Answer(SipAnswer.Accept(body));

    /// <summary>Refuses the INVITE with a 3xx-6xx status; the session ends (reason Rejected).</summary>
    public bool Reject(int statusCode, string? reasonPhrase = null) => Answer(SipAnswer.Reject(statusCode, reasonPhrase));

    /// <summary>
    /// Refuses the INVITE with 503 and Retry-After for load or state (draining, no media ports),
    /// counted in the user agent's refusal summary; false when the call is no longer waiting for an answer.
    /// </summary>
    public bool RejectUnavailable(Admission.SipRefusalReason reason)
    {
        lock (_sync)
        {
            if (State != SipCallState.Incoming || _serverInvite is not { } tx)
            {
                return false;
            }

            tx.Respond(_agent.CreateUnavailable(Invite, reason, Remote.Address.Address, _agent.Admission.RetryAfterSeconds, Dialog.LocalTag));
            Terminate(SipCallEndReason.Rejected, SipSessionSide.Local, 503);
            return true;
        }
    }

    /// <summary>
    /// Sends the application's answer to the INVITE; false when the call is no longer waiting for one
    /// (cancelled, or answered already) or, for an acceptance, when its source is banned now (503 sent instead).
    /// </summary>
    public bool Answer(SipAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_sync)
        {
            if (State != SipCallState.Incoming || _serverInvite is not { } tx)
            {
                return false;
            }

            if (!answer.IsAccepted)
            {
                tx.Respond(_agent.CreateResponse(Invite, answer.StatusCode, answer.ReasonPhrase, Dialog.LocalTag));
                Terminate(SipCallEndReason.Rejected, SipSessionSide.Local, answer.StatusCode);
                return true;
            }

            if (_agent.Admission.BanLeftSeconds(Remote.Address.Address) is var ban and > 0)
            {
                // Banned since its INVITE came in (the application rang or set up meanwhile): a 2xx now
                // would wait for an ACK a flood never sends, so it gets the ban's 503 like its new INVITEs.
                tx.Respond(_agent.CreateUnavailable(Invite, Admission.SipRefusalReason.SourceBanned, Remote.Address.Address, ban, Dialog.LocalTag));
                Terminate(SipCallEndReason.Rejected, SipSessionSide.Local, 503);
                return false;
            }

            var success = CreateSuccess(Invite, answer);
            ApplyTimer(success, _inviteTimer, answer.Body);
            tx.Respond(success);
            State = SipCallState.Answered;
            _awaitingAck = tx;
            if (_agent.Options.MaxCallDuration is { } max)
            {
                _maxDuration = new SipTimer(Timers, static s => ((SipInviteSession)s).Terminate(SipCallEndReason.MaxDuration, SipSessionSide.Local, sendBye: true), this);
                _maxDuration.Start(max);
            }

            return true;
        }
    }

    /// <summary>The ACK of a 2xx (initial or re-INVITE) arrived; the dispatcher found this dialog.</summary>
    internal void OnAck(SipRequest ack)
    {
        lock (_sync)
        {
            if (_awaitingAck is not { } tx || ack.CSeqNumber != tx.Request.CSeqNumber)
            {
                return;
            }

            tx.OnAckFor2xx();
            _awaitingAck = null;
            if (State != SipCallState.Answered)
            {
                return;
            }

            State = SipCallState.Confirmed;
            _acknowledged.TrySetResult(ack.Body.IsEmpty ? null : new SipBody(ack.ContentType?.ToString() ?? "application/sdp", ack.Body));
        }
    }

    void ISipInviteServerUser.OnCancelRequested() => OnCancel();

    void ISipInviteServerUser.OnAckTimedOut(SipInviteServerTransaction tx) => OnAckTimeout(tx);

    /// <summary>Under the INVITE transaction's (our) lock: a CANCEL before the answer gets the INVITE its 487.</summary>
    private void OnCancel()
    {
        if (State != SipCallState.Incoming || _serverInvite is not { } tx)
        {
            return;
        }

        tx.Respond(_agent.CreateResponse(Invite, 487, null, Dialog.LocalTag));
        Terminate(SipCallEndReason.Cancelled, SipSessionSide.Remote);
    }

    /// <summary>Under our lock (timer H, or 64*T1 without the ACK of a 2xx).</summary>
    private void OnAckTimeout(SipInviteServerTransaction tx)
    {
        if (!ReferenceEquals(_awaitingAck, tx))
        {
            return;
        }

        _agent.Log.AckTimeout(CallId);
        if (_agent.Admission.OnAckTimeout(Remote.Address.Address))
        {
            // The penalty banned the source: its other unacknowledged calls go too, off our lock (no lock spans sessions).
            _agent.AbandonUnacknowledgedLater(Remote.Address.Address);
            _agent.Security.Event(SipSecurityLog.SourceBanned, Remote.Address, "reason=ack-timeout");
        }

        _awaitingAck = null;
        Terminate(SipCallEndReason.AckTimeout, SipSessionSide.Local, sendBye: true);
    }

    /// <summary>
    /// The source was banned while our 2xx waits for its ACK (a flood answered before the ban
    /// tripped): the call ends now instead of holding its media and its place in Sip:MaxCalls until
    /// timer H. No BYE: RFC 3261 15 sends none on a dialog before its ACK or its transaction's
    /// timeout, and 13.3.1.4 only asks for one after timer H — answering a flooding source's
    /// abandoned dialogs would only feed it. False when the call is not waiting for that ACK
    /// (acknowledged calls are never touched).
    /// </summary>
    internal bool AbandonUnacknowledged()
    {
        lock (_sync)
        {
            if (State != SipCallState.Answered || _awaitingAck is not { } tx)
            {
                return false;
            }

            tx.Abandon();
            _awaitingAck = null;
            Terminate(SipCallEndReason.NoAckSourceBanned, SipSessionSide.Local);
            return true;
        }
    }

    private SipResponse CreateSuccess(SipRequest invite, SipAnswer answer)
    {
        var response = _agent.CreateResponse(invite, answer.StatusCode, answer.ReasonPhrase, Dialog.LocalTag);
        var lines = invite.Headers;
        for (var i = lines.IndexOf(SipHeaderId.RecordRoute, null, 0); i >= 0; i = lines.IndexOf(SipHeaderId.RecordRoute, null, i + 1))
        {
            response.Headers.Add(SipHeaderId.RecordRoute, lines.ValueAt(i));
        }

        response.Headers.Add(SipHeaderId.Contact, Dialog.LocalContactHeader);
        response.Headers.Add(SipHeaderId.Allow, SipUserAgent.AllowedMethods);
        if (answer.Body is { } body)
        {
            response.SetBody(body.Content, body.ContentType);
        }

        return response;
    }

    private async Task HangupIncomingAsync(SipCallEndReason reason, CancellationToken ct)
    {
        SipClientTransaction? bye;
        lock (_sync)
        {
            if (State == SipCallState.Incoming)
            {
                // Not answered yet: the answer is the refusal.
                Answer(SipAnswer.Reject(480));
                return;
            }

            bye = Terminate(reason, SipSessionSide.Local, sendBye: true);
        }

        if (bye is not null)
        {
            await bye.Completion.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The user agent stops: BYE for an answered call, 503 for one still ringing in; nothing is awaited.</summary>
    internal SipClientTransaction? Shutdown()
    {
        lock (_sync)
        {
            switch (State)
            {
                case SipCallState.Incoming when _serverInvite is { } tx:
                    tx.Respond(_agent.CreateResponse(Invite, 503, null, Dialog.LocalTag));
                    Terminate(SipCallEndReason.Shutdown, SipSessionSide.Local, 503);
                    return null;
                case SipCallState.Answered or SipCallState.Confirmed:
                    return Terminate(SipCallEndReason.Shutdown, SipSessionSide.Local, sendBye: true);
                case SipCallState.Calling or SipCallState.Proceeding:
                    SendCancel();
                    Terminate(SipCallEndReason.Shutdown, SipSessionSide.Local);
                    return null;
                default:
                    return null;
            }
        }
    }
}
