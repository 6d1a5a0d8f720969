using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Auth;
using VikaIvr.Sip.Dialogs;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>The INVITE server side: new calls, answers, ACK, CANCEL and the end of a call.</summary>
public sealed partial class SipUserAgent
{
    private void OnInvite(SipRequest request, SipInviteServerTransaction tx, SipEndPoint source, IPEndPoint local)
    {
        if (_options.InviteAuthentication is { } auth)
        {
            var verdict = auth.Verify(request.Authorization, request.Method);
            if (verdict != SipDigestVerdict.Valid)
            {
                var challenge = CreateResponse(request, 401);
                challenge.Headers.Add(SipHeaderId.WwwAuthenticate, auth.CreateChallenge(verdict == SipDigestVerdict.Stale));
                tx.Respond(challenge);
                return;
            }
        }

        var dialog = new SipDialog(request, NewTag(), source, LocalHost(local), LocalPort(source, local));
        var call = new SipCall(this, request, dialog, tx, source);
        _calls[(dialog.CallId, dialog.LocalTag)] = call;
        tx.AckTimedOut += _ => OnAckTimeout(call);
        _logger.LogInformation("Sip call {CallId} to {Called} from {Source}", call.CallId, call.Called, source);
        _ = Task.Run(() => AskApplicationAsync(call));
    }

    private async Task AskApplicationAsync(SipCall call)
    {
        SipAnswer answer;
        try
        {
            answer = await _handler.OnInviteAsync(call, call.InviteCancelled).ConfigureAwait(false);
        }
        catch (Exception ex) when (call.InviteCancelled.IsCancellationRequested && ex is OperationCanceledException)
        {
            return;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Sip application failed on INVITE {CallId}", call.CallId);
            answer = SipAnswer.Reject(500);
        }

        lock (Gate)
        {
            Answer(call, answer);
        }
    }

    private void Answer(SipCall call, SipAnswer answer)
    {
        if (call.State != SipCallState.Incoming)
        {
            return;
        }

        var tx = call.InviteTransaction;
        if (!answer.IsAccepted)
        {
            tx.Respond(CreateResponse(call.Invite, answer.StatusCode, answer.ReasonPhrase, call.Dialog.LocalTag));
            EndCall(call, SipCallEndReason.Rejected, sendBye: false);
            return;
        }

        tx.Respond(CreateSuccess(call, call.Invite, answer));
        call.State = SipCallState.Answered;
        call.AwaitingAck = tx;
        if (_options.MaxCallDuration is { } max)
        {
            call.MaxDurationTimer = Transactions.CreateTimer(() => EndCall(call, SipCallEndReason.MaxDuration, sendBye: true));
            call.MaxDurationTimer.Start(max);
        }
    }

    private SipResponse CreateSuccess(SipCall call, SipRequest invite, SipAnswer answer)
    {
        var response = CreateResponse(invite, answer.StatusCode, answer.ReasonPhrase, call.Dialog.LocalTag);
        foreach (var rr in invite.Headers.GetLines("Record-Route"))
        {
            response.Headers.Add(SipHeaderId.RecordRoute, rr);
        }

        response.Headers.Add(SipHeaderId.Contact, "<" + call.Dialog.LocalContact + ">");
        response.Headers.Add(SipHeaderId.Allow, AllowedMethods);
        if (answer.Body is { } body)
        {
            response.SetBody(body.Content, body.ContentType);
        }

        return response;
    }

    internal void SendProvisional(SipCall call, int statusCode, SipBody? body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 101);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 199);
        lock (Gate)
        {
            if (call.State != SipCallState.Incoming)
            {
                return;
            }

            var response = CreateResponse(call.Invite, statusCode, null, call.Dialog.LocalTag);
            response.Headers.Add(SipHeaderId.Contact, "<" + call.Dialog.LocalContact + ">");
            if (body is not null)
            {
                response.SetBody(body.Content, body.ContentType);
            }

            call.InviteTransaction.Respond(response);
        }
    }

    private void OnAck(SipRequest ack)
    {
        if (FindCall(ack) is not { } call || call.AwaitingAck is not { } tx || ack.CSeq?.Number != tx.Request.CSeq?.Number)
        {
            return;
        }

        tx.OnAckFor2xx();
        call.AwaitingAck = null;
        if (call.State == SipCallState.Answered)
        {
            call.State = SipCallState.Confirmed;
        }

        var body = ack.Body.IsEmpty ? null : new SipBody(ack.ContentType?.ToString() ?? "application/sdp", ack.Body);
        call.Notify(() => _handler.OnAck(call, body), _logger);
    }

    private void OnCancel(SipRequest cancel, SipEndPoint source)
    {
        var invite = Transactions.FindInviteForCancel(cancel);
        var tx = Transactions.CreateServer(cancel, source);
        if (invite is null)
        {
            tx.Respond(CreateResponse(cancel, 481));
            return;
        }

        tx.Respond(CreateResponse(cancel, 200, null, cancel.To?.Tag));
        if (invite.State != SipTransactionState.Proceeding)
        {
            return;
        }

        var call = FindCallByTransaction(invite);
        invite.Respond(CreateResponse(invite.Request, 487, null, call?.Dialog.LocalTag));
        if (call is not null)
        {
            EndCall(call, SipCallEndReason.Cancelled, sendBye: false);
        }
    }

    private void OnAckTimeout(SipCall call)
    {
        if (call.AwaitingAck is null)
        {
            return;
        }

        _logger.LogWarning("Sip call {CallId}: no ACK for the 2xx; ending it", call.CallId);
        call.AwaitingAck = null;
        EndCall(call, SipCallEndReason.AckTimeout, sendBye: true);
    }

    /// <summary>Ends a call (under the gate): optional BYE, then the application is told once.</summary>
    internal SipClientTransaction? EndCall(SipCall call, SipCallEndReason reason, bool sendBye)
    {
        if (!call.MarkEnded(reason))
        {
            return null;
        }

        _calls.Remove((call.CallId, call.Dialog.LocalTag));
        if (call.Refer is { } refer)
        {
            refer.Complete(new SipTransferResult(false, 487, "Call ended before the transfer completed"));
        }

        SipClientTransaction? bye = null;
        if (sendBye)
        {
            bye = Transactions.SendRequest(call.Dialog.CreateRequest(SipMethods.Bye), call.Dialog.Flow);
        }

        _logger.LogInformation("Sip call {CallId} ended: {Reason}", call.CallId, reason);
        call.Notify(() =>
        {
            call.SignalEnded();
            _handler.OnTerminated(call, reason);
        }, _logger);
        return bye;
    }

    private SipCall? FindCall(SipRequest request)
    {
        if (request.CallId is not { } callId || request.To?.Tag is not { } tag)
        {
            return null;
        }

        return _calls.TryGetValue((callId, tag), out var call) && call.Dialog.Matches(request) ? call : null;
    }

    private SipCall? FindCallByTransaction(SipInviteServerTransaction tx)
    {
        foreach (var call in _calls.Values)
        {
            if (ReferenceEquals(call.InviteTransaction, tx))
            {
                return call;
            }
        }

        return null;
    }
}
