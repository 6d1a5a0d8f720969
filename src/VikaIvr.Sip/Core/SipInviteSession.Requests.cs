using System.Globalization;
using System.Text;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Sip.Core.SessionTimers;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Core;

/// <summary>Requests the peer sends inside the dialog (BYE, INFO, NOTIFY, OPTIONS, re-INVITE, REFER), either role.</summary>
public sealed partial class SipInviteSession
{
    /// <summary>Under the lock, after the user agent's refusals.</summary>
    private void OnInDialogRequest(SipRequest request, SipServerTransaction tx)
    {
        var tag = Dialog.LocalTag;
        if (State == SipCallState.Ended)
        {
            tx.Respond(_agent.CreateResponse(request, 481, null, tag));
            return;
        }

        if (!Dialog.AcceptRemoteCSeq(request))
        {
            tx.Respond(_agent.CreateResponse(request, 500, "Server Internal Error - CSeq out of order", tag));
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Bye:
                tx.Respond(_agent.CreateResponse(request, 200, null, tag));
                if (State == SipCallState.Incoming && _serverInvite is { } invite)
                {
                    // A BYE on the early dialog (after our 18x): the INVITE still needs its final
                    // response (RFC 3261 15.1.2), or its transaction would never end.
                    invite.Respond(_agent.CreateResponse(Invite, 487, null, tag));
                }

                Report(SipOutgoingEventKind.ByeReceived, 0, string.Empty);
                Terminate(SipCallEndReason.RemoteBye, SipSessionSide.Remote);
                break;
            case SipMethods.Info:
                tx.Respond(_agent.CreateResponse(request, 200, null, tag));
                if (!request.Body.IsEmpty)
                {
                    var body = new SipBody(request.ContentType?.ToString() ?? "application/octet-stream", request.Body);
                    if (Volatile.Read(ref _infoSink) is { } sink)
                    {
                        sink.OnInfo(body);
                    }
                    else
                    {
                        InfoChannel.Writer.TryWrite(body);
                    }

                    if (_out is not null)
                    {
                        Report(SipOutgoingEventKind.InfoReceived, 0, body.Text.ReplaceLineEndings(" ").Trim());
                    }
                }

                break;
            case SipMethods.Notify:
                tx.Respond(_agent.CreateResponse(request, 200, null, tag));
                OnNotify(request);
                break;
            case SipMethods.Options:
                tx.Respond(_agent.CreateOptionsResponse(request));
                break;
            case SipMethods.Invite:
                OnReinvite(request, tx);
                break;
            case SipMethods.Update:
                OnUpdate(request, tx);
                break;
            case SipMethods.Refer when _out is not null:
                OnRefer(request, tx);
                break;
            default:
                var refusal = _agent.CreateResponse(request, 405, null, tag);
                refusal.Headers.Add(SipHeaderId.Allow, SipUserAgent.AllowedMethods);
                tx.Respond(refusal);
                break;
        }
    }

    /// <summary>RFC 3261 14.2: one offer/answer at a time; a re-INVITE while one is open (or our 2xx awaits its ACK) gets 491.</summary>
    private void OnReinvite(SipRequest request, SipServerTransaction tx)
    {
        if (_reinvitePending || _awaitingAck is not null)
        {
            tx.Respond(_agent.CreateResponse(request, 491, null, Dialog.LocalTag));
            return;
        }

        if (TryNegotiateTimer(request, tx, out var terms))
        {
            OfferToApplication(request, tx, terms);
        }
    }

    /// <summary>
    /// RFC 3311: an UPDATE without a body (a session refresh, RFC 4028) gets 200 without one; one
    /// with an SDP offer is answered like a re-INVITE's (491 while another offer is open).
    /// </summary>
    private void OnUpdate(SipRequest request, SipServerTransaction tx)
    {
        if (!TryNegotiateTimer(request, tx, out var terms))
        {
            return;
        }

        if (request.Body.IsEmpty)
        {
            var ok = _agent.CreateResponse(request, 200, null, Dialog.LocalTag);
            ok.Headers.Add(SipHeaderId.Contact, Dialog.LocalContactHeader);
            ApplyTimer(ok, terms, null);
            tx.Respond(ok);
            return;
        }

        if (_reinvitePending || _awaitingAck is not null)
        {
            tx.Respond(_agent.CreateResponse(request, 491, null, Dialog.LocalTag));
            return;
        }

        OfferToApplication(request, tx, terms);
    }

    private void OfferToApplication(SipRequest request, SipServerTransaction tx, SipSessionTimerTerms? terms)
    {
        if (ReinviteHandler is not { } handler)
        {
            tx.Respond(_agent.CreateResponse(request, 488, null, Dialog.LocalTag));
            return;
        }

        _reinvitePending = true;
        var offer = request.Body.IsEmpty ? null : new SipBody(request.ContentType?.ToString() ?? "application/sdp", request.Body);
        // The application answers off the receive path: a slow answer holds only this session's re-INVITE.
        _ = Task.Run(async () =>
        {
            SipAnswer answer;
            try
            {
                answer = await handler.OnReinviteAsync(offer, Ended).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _agent.Log.ReinviteFailed(CallId, ex);
                answer = SipAnswer.Reject(500);
            }

            AnswerReinvite(request, tx, answer, terms);
        });
    }

    private void AnswerReinvite(SipRequest request, SipServerTransaction tx, SipAnswer answer, SipSessionTimerTerms? terms)
    {
        lock (_sync)
        {
            _reinvitePending = false;
            if (tx.IsFinal)
            {
                // The peer CANCELled the re-INVITE and its transaction answered 487 itself: there is
                // no 2xx to wait for an ACK of (waiting would refuse every later re-INVITE with 491).
                return;
            }

            if (State == SipCallState.Ended)
            {
                tx.Respond(_agent.CreateResponse(request, 481, null, Dialog.LocalTag));
                return;
            }

            if (!answer.IsAccepted)
            {
                tx.Respond(_agent.CreateResponse(request, answer.StatusCode, answer.ReasonPhrase, Dialog.LocalTag));
                return;
            }

            var success = CreateSuccess(request, answer);
            ApplyTimer(success, terms, answer.Body);
            tx.Respond(success);
            if (tx is SipInviteServerTransaction invite)
            {
                _awaitingAck = invite;
                invite.AckTimedOut += OnAckTimeout;
            }
        }
    }

    /// <summary>The peer asks us to call a third party (RFC 3515): 202, then the outcome the dial request configured, in a final NOTIFY.</summary>
    private void OnRefer(SipRequest refer, SipServerTransaction tx)
    {
        if (refer.ReferTo is not { } referTo)
        {
            tx.Respond(_agent.CreateResponse(refer, 400, null, Dialog.LocalTag));
            return;
        }

        tx.Respond(_agent.CreateResponse(refer, 202, null, Dialog.LocalTag));
        var target = referTo.Uri.ToString();
        Report(SipOutgoingEventKind.ReferReceived, 0, target);
        int status;
        try
        {
            status = _out!.Request.ReferOutcome(new SipReferRequest(target));
        }
        catch (Exception ex)
        {
            _agent.Log.ReferOutcomeFailed(CallId, ex);
            status = 500;
        }

        status = Math.Clamp(status, 200, 699);
        var notify = Dialog.CreateRequest(SipMethods.Notify);
        notify.Headers.Add(SipHeaderId.Event, "refer");
        notify.Headers.Add(SipHeaderId.SubscriptionState, "terminated;reason=noresource");
        var frag = "SIP/2.0 " + status.ToString(CultureInfo.InvariantCulture) + " " + SipStatusCodes.GetReason(status) + "\r\n";
        notify.SetBody(Encoding.UTF8.GetBytes(frag), "message/sipfrag;version=2.0");
        _agent.Transactions.SendRequest(notify, Dialog.Flow, _sync);
        Report(SipOutgoingEventKind.NotifySent, status, frag.TrimEnd());
    }
}
