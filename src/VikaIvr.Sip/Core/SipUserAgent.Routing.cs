using System.Net;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Auth;
using VikaIvr.Sip.Core.SessionTimers;
using VikaIvr.Sip.Dialogs;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>New requests: refusals in RFC 3261 8.2 order, then dispatch by method and dialog.</summary>
public sealed partial class SipUserAgent
{
    private void OnNewRequest(SipRequest request, SipEndPoint source, IPEndPoint local)
    {
        if (_denied.IsDenied(request))
        {
            DropScanner(request, source);
            return;
        }

        if (request.Method == SipMethods.Cancel)
        {
            OnCancel(request, source);
            return;
        }

        if (!SipTransactionKey.TryCreate(request, out _))
        {
            return;
        }

        if (request.ToTag is not null)
        {
            // In a dialog: the session creates the transaction under its own lock and runs the refusals first.
            if (FindSession(request) is { } session)
            {
                session.OnRequest(request, source);
                return;
            }

            var orphan = Transactions.CreateServer(request, source);
            if (ReferenceEquals(orphan.Request, request) && !Refused(request, orphan))
            {
                orphan.Respond(CreateResponse(request, 481, null, request.ToTag));
            }

            return;
        }

        // Outside a dialog every request counts against its source (in-dialog ones of calls in progress never do).
        if (Admission.CheckSource(source.Address.Address, out bool banStarted) is var ban and > 0)
        {
            if (banStarted)
            {
                OnBanStarted(source, request.Method);
            }

            RefuseBannedSource(request, source, ban);
            return;
        }

        // Refusals are answered statelessly (as Kamailio's sl_send_reply): a scan keeps no transaction and
        // no timer, and a request with a forged source draws one answer at that source, not a 404
        // retransmitted until timer H (eleven of them). A retransmitted request is refused again.
        if (Refusal(request, source) is { } refusal)
        {
            SendStateless(refusal, request, source);
            return;
        }

        if (_merges.IsMerged(request))
        {
            SendStateless(request, source, 482);
            return;
        }

        // A new INVITE's transaction shares the lock of the session it may become.
        var sync = request.Method == SipMethods.Invite ? new Lock() : null;
        var tx = Transactions.CreateServer(request, source, sync);
        if (!ReferenceEquals(tx.Request, request))
        {
            return;
        }

        _merges.Remember(request, tx);

        switch (request.Method)
        {
            case SipMethods.Options:
                tx.Respond(Admission.Readiness.Ready ? CreateOptionsResponse(request) : CreateNotReady(request));
                break;
            case SipMethods.Invite:
                OnInvite(request, (SipInviteServerTransaction)tx, sync!, source, local);
                break;
            default:
                tx.Respond(CreateResponse(request, 481));
                break;
        }
    }

    private void OnInvite(SipRequest request, SipInviteServerTransaction tx, Lock sync, SipEndPoint source, IPEndPoint local)
    {
        if (Options.InviteAuthentication is { } auth)
        {
            var verdict = auth.Verify(request.Authorization, request.Method);
            if (verdict != SipDigestVerdict.Valid)
            {
                if (verdict == SipDigestVerdict.Invalid && Security.IsEnabled)
                {
                    Security.Event(SipSecurityLog.AuthFailed, source.Address, "number=" + request.RequestUri.User);
                }

                var challenge = CreateResponse(request, 401);
                challenge.Headers.Add(SipHeaderId.WwwAuthenticate, auth.CreateChallenge(verdict == SipDigestVerdict.Stale));
                tx.Respond(challenge);
                return;
            }
        }

        SipSessionTimerTerms? terms = null;
        if (Options.SessionTimers is { } timers && (terms = SipSessionTimerNegotiation.Negotiate(request, timers, out int minSe)) is null)
        {
            tx.Respond(CreateIntervalTooSmall(request, minSe));
            return;
        }

        if (!Options.AnswerCalls)
        {
            tx.Respond(CreateResponse(request, 486));
            return;
        }

        if (Admission.CheckNewCall(IncomingCallCount) is { } overload)
        {
            tx.Respond(CreateUnavailable(request, overload, source.Address.Address, Admission.RetryAfterSeconds));
            return;
        }

        var dialog = SipDialog.ForIncoming(request, NewTag(), source, LocalHost(local), LocalPort(source, local));
        dialog.ContactHeaders = ContactHeaders;
        var session = SipInviteSession.ForIncoming(this, sync, request, tx, dialog, source, terms);
        Interlocked.Increment(ref _incomingCalls);
        _sessions[(dialog.CallId, dialog.LocalTag)] = session;
        Log.IncomingCall(session.CallId, session.Called, source);
        _incoming.Writer.TryWrite(session);
    }

    private void OnCancel(SipRequest cancel, SipEndPoint source)
    {
        var invite = Transactions.FindInviteForCancel(cancel);
        var tx = Transactions.CreateServer(cancel, source);
        if (!ReferenceEquals(tx.Request, cancel))
        {
            return;
        }

        if (invite is null)
        {
            tx.Respond(CreateResponse(cancel, 481));
            return;
        }

        tx.Respond(CreateResponse(cancel, 200, null, cancel.ToTag));
        invite.Cancel(() => CreateResponse(invite.Request, 487));
    }

    /// <summary>Answers <paramref name="request"/> with its refusal when it has one (RFC 3261 8.2 order); true when refused.</summary>
    internal bool Refused(SipRequest request, SipServerTransaction tx)
    {
        if (Refusal(request, tx.Source) is not { } refusal)
        {
            return false;
        }

        tx.Respond(refusal);
        return true;
    }

    /// <summary>The refusal a request gets before any processing, or null to go on.</summary>
    private SipResponse? Refusal(SipRequest request, SipEndPoint source)
    {
        if (_allowed.Length > 0 && !IsAllowed(source.Address.Address))
        {
            // Counted in the refusal summary, not a line each: a scanner outside the allow-list would flood the log.
            Admission.Refusals.Record(SipRefusalReason.NotAllowed, source.Address.Address);
            return CreateResponse(request, 403);
        }

        if (request.MaxForwards is 0 && request.Method != SipMethods.Options)
        {
            return CreateResponse(request, 483);
        }

        if (!request.HasSipOrTelUri)
        {
            return CreateResponse(request, 416);
        }

        // REFER is answered inside a dialog (the calling side takes it; the answering side says 405 there).
        if (!IsAllowedMethod(request.Method) && !(request.Method == SipMethods.Refer && request.ToTag is not null))
        {
            var refusal = CreateResponse(request, 405);
            refusal.Headers.Add(SipHeaderId.Allow, AllowedMethods);
            return refusal;
        }

        if (UnsupportedRequire(request) is { } unsupported)
        {
            var refusal = CreateResponse(request, 420);
            refusal.Headers.Add(SipHeaderId.Unsupported, unsupported);
            return refusal;
        }

        var inDialog = request.ToTag is not null;
        if (!inDialog && request.Method == SipMethods.Invite && !IsServiceNumber(request, source.Address.Address))
        {
            Admission.Refusals.Record(SipRefusalReason.UnknownNumber, source.Address.Address);
            if (Security.IsEnabled)
            {
                Security.Event(SipSecurityLog.UnknownNumber, source.Address, "number=" + request.RequestUri.User);
            }

            return CreateResponse(request, 404);
        }

        if (!inDialog && request.Method == SipMethods.Invite && !request.Body.IsEmpty
            && (request.PlainSdpContentType is { } sdp ? !IsAcceptedMediaType(sdp)
                : request.ContentType is not { } type || !IsAcceptedContentType(type)))
        {
            var refusal = CreateResponse(request, 415);
            refusal.Headers.Add(SipHeaderId.Accept, "application/sdp");
            return refusal;
        }

        if (!inDialog && request.Method == SipMethods.Invite && request.Headers.Contains(SipHeaderId.Accept) && !AcceptsSdp(request.Accept))
        {
            return CreateResponse(request, 406);
        }

        return null;
    }

    private bool IsAcceptedContentType(SipContentType type)
    {
        // Indexed, as the lists below: a foreach over an IList boxes its enumerator on every INVITE.
        var accepted = Options.AcceptedContentTypes;
        for (var i = 0; i < accepted.Count; i++)
        {
            if (type.Is(accepted[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>As <see cref="IsAcceptedContentType"/> for a media type without parameters (type/subtype, compared ignoring case).</summary>
    private bool IsAcceptedMediaType(string mediaType)
    {
        var accepted = Options.AcceptedContentTypes;
        for (var i = 0; i < accepted.Count; i++)
        {
            if (accepted[i].Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An INVITE's Accept (when present) must allow SDP, the only session description we answer with.</summary>
    private static bool AcceptsSdp(IReadOnlyList<string> accept)
    {
        if (accept.Count == 0)
        {
            return true;
        }

        foreach (var value in accept)
        {
            var media = value.AsSpan();
            int semi = media.IndexOf(';');
            if (semi >= 0)
            {
                media = media[..semi];
            }

            media = media.Trim();
            if (media.Equals("application/sdp", StringComparison.OrdinalIgnoreCase) || media is "*/*"
                || media.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal SipResponse CreateOptionsResponse(SipRequest request)
    {
        var response = CreateResponse(request, 200);
        response.Headers.Add(SipHeaderId.Allow, AllowedMethods);
        response.Headers.Add(SipHeaderId.Accept, string.Join(", ", Options.AcceptedContentTypes));
        response.Headers.Add(SipHeaderId.Supported, string.Join(", ", _supported));
        return response;
    }

    private bool IsAllowed(IPAddress address)
    {
        foreach (var cidr in _allowed)
        {
            if (cidr.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAllowedMethod(string method) => method is SipMethods.Invite or SipMethods.Ack or SipMethods.Bye
        or SipMethods.Cancel or SipMethods.Options or SipMethods.Info or SipMethods.Notify or SipMethods.Update;

    private string? UnsupportedRequire(SipRequest request)
    {
        if (!request.Headers.Contains(SipHeaderId.Require))
        {
            return null;
        }

        List<string>? unknown = null;
        foreach (var tag in request.Require)
        {
            var trimmed = tag.Trim();
            if (trimmed.Length > 0 && !_supported.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                (unknown ??= []).Add(trimmed);
            }
        }

        return unknown is null ? null : string.Join(", ", unknown);
    }

    private bool IsServiceNumber(SipRequest request, IPAddress source)
    {
        var user = request.UnescapedRequestUser;
        if (user is null)
        {
            return Options.ServiceNumbers.Count == 0;
        }

        // tel: and user=phone numbers may carry visual separators (RFC 3966).
        Span<char> digits = stackalloc char[Math.Min(user.Length, 64)];
        var n = 0;
        foreach (var c in user)
        {
            if (c is not ('-' or '.' or '(' or ')' or ' ') && n < digits.Length)
            {
                digits[n++] = c;
            }
        }

        if (_restricted.Refuses(digits[..n], source))
        {
            return false;
        }

        if (Options.ServiceNumbers.Count == 0)
        {
            return true;
        }

        var numbers = Options.ServiceNumbers;
        for (var i = 0; i < numbers.Count; i++)
        {
            if (digits[..n].SequenceEqual(numbers[i]))
            {
                return true;
            }
        }

        return false;
    }
}
