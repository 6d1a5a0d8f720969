using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Core;

/// <summary>Requests inside a call (BYE, INFO, NOTIFY, re-INVITE) and the application's BYE and REFER.</summary>
public sealed partial class SipUserAgent
{
    private void OnInDialogRequest(SipRequest request, SipServerTransaction tx)
    {
        if (FindCall(request) is not { } call)
        {
            tx.Respond(CreateResponse(request, 481, null, request.To?.Tag));
            return;
        }

        var tag = call.Dialog.LocalTag;
        if (!call.Dialog.AcceptRemoteCSeq(request))
        {
            tx.Respond(CreateResponse(request, 500, "Server Internal Error - CSeq out of order", tag));
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Bye:
                tx.Respond(CreateResponse(request, 200, null, tag));
                EndCall(call, SipCallEndReason.RemoteBye, sendBye: false);
                break;
            case SipMethods.Info:
                tx.Respond(CreateResponse(request, 200, null, tag));
                if (!request.Body.IsEmpty)
                {
                    var body = new SipBody(request.ContentType?.ToString() ?? "application/octet-stream", request.Body);
                    call.Notify(() => _handler.OnInfo(call, body), _logger);
                }

                break;
            case SipMethods.Notify:
                tx.Respond(CreateResponse(request, 200, null, tag));
                OnNotify(call, request);
                break;
            case SipMethods.Options:
                tx.Respond(CreateOptionsResponse(request));
                break;
            case SipMethods.Invite:
                OnReinvite(call, request, (SipInviteServerTransaction)tx);
                break;
            default:
                tx.Respond(CreateResponse(request, 405, null, tag));
                break;
        }
    }

    private void OnReinvite(SipCall call, SipRequest request, SipInviteServerTransaction tx)
    {
        if (call.ReinvitePending || call.AwaitingAck is not null)
        {
            tx.Respond(CreateResponse(request, 491, null, call.Dialog.LocalTag));
            return;
        }

        call.ReinvitePending = true;
        var offer = request.Body.IsEmpty ? null : new SipBody(request.ContentType?.ToString() ?? "application/sdp", request.Body);
        _ = Task.Run(async () =>
        {
            SipAnswer answer;
            try
            {
                answer = await _handler.OnReinviteAsync(call, offer, call.Ended).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Sip application failed on re-INVITE {CallId}", call.CallId);
                answer = SipAnswer.Reject(500);
            }

            lock (Gate)
            {
                call.ReinvitePending = false;
                if (call.State == SipCallState.Ended)
                {
                    tx.Respond(CreateResponse(request, 481, null, call.Dialog.LocalTag));
                    return;
                }

                if (!answer.IsAccepted)
                {
                    tx.Respond(CreateResponse(request, answer.StatusCode, answer.ReasonPhrase, call.Dialog.LocalTag));
                    return;
                }

                tx.Respond(CreateSuccess(call, request, answer));
                call.AwaitingAck = tx;
                tx.AckTimedOut += _ => OnAckTimeout(call);
            }
        });
    }

    private void OnNotify(SipCall call, SipRequest notify)
    {
        if (call.Refer is not { } refer || notify.Event?.Value is not { } ev || !ev.Equals("refer", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var status = SipFragStatus(notify.Body.Span);
        if (status >= 200)
        {
            call.Refer = null;
            refer.Complete(new SipTransferResult(status < 300, status, "NOTIFY sipfrag " + status));
        }
        else if (notify.SubscriptionState?.Value is { } state && state.Equals("terminated", StringComparison.OrdinalIgnoreCase))
        {
            call.Refer = null;
            refer.Complete(new SipTransferResult(false, 0, "Subscription terminated without a final status"));
        }
    }

    /// <summary>The status code of a message/sipfrag status line ("SIP/2.0 200 OK"), or 0.</summary>
    internal static int SipFragStatus(ReadOnlySpan<byte> body)
    {
        var text = body.TrimStart("\r\n \t"u8);
        if (!text.StartsWith("SIP/2.0 "u8) || text.Length < 11)
        {
            return 0;
        }

        var code = text.Slice(8, 3);
        var value = 0;
        foreach (var b in code)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return 0;
            }

            value = value * 10 + (b - '0');
        }

        return value is >= 100 and < 700 ? value : 0;
    }

    internal async Task HangupAsync(SipCall call, CancellationToken ct)
    {
        SipClientTransaction? bye;
        lock (Gate)
        {
            if (call.State == SipCallState.Incoming)
            {
                // Not answered yet: the answer is the refusal.
                Answer(call, SipAnswer.Reject(480));
                return;
            }

            bye = EndCall(call, SipCallEndReason.LocalBye, sendBye: true);
        }

        if (bye is not null)
        {
            await bye.Completion.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    internal async Task<SipTransferResult> TransferAsync(SipCall call, string target, CancellationToken ct)
    {
        SipReferState refer;
        SipClientTransaction tx;
        lock (Gate)
        {
            if (call.State is not (SipCallState.Confirmed or SipCallState.Answered))
            {
                return new SipTransferResult(false, 481, "The call is not established");
            }

            if (call.Refer is not null)
            {
                return new SipTransferResult(false, 491, "A transfer is already in progress");
            }

            var request = call.Dialog.CreateRequest(SipMethods.Refer);
            request.Headers.Add(SipHeaderId.ReferTo, "<" + ReferTarget(call, target) + ">");
            request.Headers.Add(SipHeaderId.ReferredBy, "<" + call.Dialog.LocalParty.Uri + ">");
            var timer = Transactions.CreateTimer(() => ReferTimedOut(call));
            refer = new SipReferState(timer);
            call.Refer = refer;
            timer.Start(_options.TransferTimeout);
            tx = Transactions.SendRequest(request, call.Dialog.Flow);
        }

        var response = await tx.Completion.WaitAsync(ct).ConfigureAwait(false);
        if (response.StatusCode >= 300)
        {
            lock (Gate)
            {
                if (ReferenceEquals(call.Refer, refer))
                {
                    call.Refer = null;
                }

                refer.Complete(new SipTransferResult(false, response.StatusCode, "REFER refused: " + response.StatusCode + " " + response.ReasonPhrase));
            }
        }

        return await refer.Result.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    private void ReferTimedOut(SipCall call)
    {
        if (call.Refer is { } refer)
        {
            call.Refer = null;
            refer.Complete(new SipTransferResult(false, 408, "No final NOTIFY before the transfer timeout"));
        }
    }

    /// <summary>A full URI stays as given; a bare number goes to the caller's domain.</summary>
    private static string ReferTarget(SipCall call, string target)
    {
        if (target.Contains(':', StringComparison.Ordinal))
        {
            return target;
        }

        var host = call.Dialog.RemoteParty.Uri.HostPort;
        return "sip:" + target + "@" + (host.Length > 0 ? host : call.Remote.Address.ToString());
    }
}
