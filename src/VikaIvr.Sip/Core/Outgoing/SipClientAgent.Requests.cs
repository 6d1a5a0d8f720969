using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Core.Outgoing;

/// <summary>Requests inside our calls: the peer's (BYE, REFER, INFO, NOTIFY, OPTIONS) and ours (BYE, INFO, CANCEL).</summary>
public sealed partial class SipClientAgent
{
    internal async Task HangupAsync(SipOutgoingCall call, CancellationToken ct)
    {
        SipClientTransaction? bye = null;
        lock (Gate)
        {
            switch (call.State)
            {
                case SipOutgoingCallState.Ended:
                    return;
                case SipOutgoingCallState.Established:
                    bye = SendBye(call);
                    break;
                case SipOutgoingCallState.Proceeding:
                    call.CancelRequested = true;
                    SendCancel(call);
                    break;
                default:
                    // RFC 3261 9.1: no CANCEL before a provisional response; it goes out with the first one.
                    call.CancelRequested = true;
                    break;
            }
        }

        if (bye is not null)
        {
            await bye.Completion.WaitAsync(ct).ConfigureAwait(false);
        }
        else
        {
            await call.Answer.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    internal async Task<int> SendInfoAsync(SipOutgoingCall call, string contentType, string body, CancellationToken ct)
    {
        SipClientTransaction tx;
        lock (Gate)
        {
            if (call.State != SipOutgoingCallState.Established)
            {
                return 481;
            }

            var info = call.CreateRequest(SipMethods.Info);
            info.SetBody(Encoding.UTF8.GetBytes(body), contentType);
            tx = Transactions.SendRequest(info, call.Flow);
            call.Report(SipOutgoingEventKind.InfoSent, 0, body.ReplaceLineEndings(" ").Trim());
        }

        var response = await tx.Completion.WaitAsync(ct).ConfigureAwait(false);
        return response.StatusCode;
    }

    private SipClientTransaction SendBye(SipOutgoingCall call)
    {
        var tx = Transactions.SendRequest(call.CreateRequest(SipMethods.Bye), call.Flow);
        call.Report(SipOutgoingEventKind.ByeSent, 0, string.Empty);
        if (call.End("local-bye"))
        {
            _calls.Remove((call.CallId, call.LocalTag));
        }

        return tx;
    }

    /// <summary>RFC 3261 9.1: same Request-URI, Call-ID, From, To, top Via (branch) and CSeq number as the INVITE.</summary>
    private void SendCancel(SipOutgoingCall call)
    {
        if (call.InviteTransaction is not { State: SipTransactionState.Proceeding } inviteTx || call.CancelSent)
        {
            return;
        }

        call.CancelSent = true;
        var invite = call.Invite;
        var cancel = new SipRequest(SipMethods.Cancel, invite.RequestUri);
        cancel.Headers.Add(SipHeaderId.Via, invite.Headers.Get(SipHeaderId.Via)!);
        cancel.Headers.Add(SipHeaderId.MaxForwards, "70");
        cancel.Headers.Add(SipHeaderId.From, invite.Headers.Get(SipHeaderId.From)!);
        cancel.Headers.Add(SipHeaderId.To, invite.Headers.Get(SipHeaderId.To)!);
        cancel.Headers.Add(SipHeaderId.CallId, invite.CallId!);
        cancel.Headers.Add(SipHeaderId.CSeq, invite.CSeq!.Number.ToString(CultureInfo.InvariantCulture) + " CANCEL");
        Transactions.SendRequest(cancel, inviteTx.Destination);
        call.Report(SipOutgoingEventKind.CancelSent, 0, string.Empty);
    }

    private void OnRequest(SipRequest request, SipServerTransaction tx)
    {
        if (request.Method == SipMethods.Options)
        {
            tx.Respond(Reply(request, 200));
            return;
        }

        if (request.CallId is not { } callId || request.To?.Tag is not { } tag || !_calls.TryGetValue((callId, tag), out var call))
        {
            tx.Respond(Reply(request, request.Method == SipMethods.Invite ? 486 : 481));
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Bye:
                tx.Respond(Reply(request, 200));
                call.Report(SipOutgoingEventKind.ByeReceived, 0, string.Empty);
                call.End("remote-bye");
                _calls.Remove((call.CallId, call.LocalTag));
                break;
            case SipMethods.Refer:
                OnRefer(call, request, tx);
                break;
            case SipMethods.Info:
                tx.Respond(Reply(request, 200));
                call.Report(SipOutgoingEventKind.InfoReceived, 0, Encoding.UTF8.GetString(request.Body.Span).ReplaceLineEndings(" ").Trim());
                break;
            case SipMethods.Notify:
                tx.Respond(Reply(request, 200));
                break;
            case SipMethods.Invite:
                // Session refresh / hold is not needed by a test caller: keep the current session.
                tx.Respond(Reply(request, 488));
                break;
            default:
                tx.Respond(Reply(request, 405));
                break;
        }
    }

    private void OnRefer(SipOutgoingCall call, SipRequest refer, SipServerTransaction tx)
    {
        if (refer.ReferTo is not { } referTo)
        {
            tx.Respond(Reply(refer, 400));
            return;
        }

        tx.Respond(Reply(refer, 202));
        var target = referTo.Uri.ToString();
        call.Report(SipOutgoingEventKind.ReferReceived, 0, target);
        int status;
        try
        {
            status = call.Request.ReferOutcome(new SipReferRequest(target));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Sip REFER outcome callback failed");
            status = 500;
        }

        status = Math.Clamp(status, 200, 699);
        var notify = call.CreateRequest(SipMethods.Notify);
        notify.Headers.Add(SipHeaderId.Event, "refer");
        notify.Headers.Add(SipHeaderId.SubscriptionState, "terminated;reason=noresource");
        var frag = "SIP/2.0 " + status.ToString(CultureInfo.InvariantCulture) + " " + SipStatusCodes.GetReason(status) + "\r\n";
        notify.SetBody(Encoding.UTF8.GetBytes(frag), "message/sipfrag;version=2.0");
        Transactions.SendRequest(notify, call.Flow);
        call.Report(SipOutgoingEventKind.NotifySent, status, frag.TrimEnd());
    }

    private SipResponse Reply(SipRequest request, int status)
    {
        var response = SipResponse.CreateFor(request, status);
        response.Headers.Add(SipHeaderId.Server, UserAgentName);
        return response;
    }
}
