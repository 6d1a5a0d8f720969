using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>New requests: refusals in RFC 3261 8.2 order, then dispatch by method and dialog.</summary>
public sealed partial class SipUserAgent
{
    private void OnNewRequest(SipRequest request, SipEndPoint source, IPEndPoint local)
    {
        if (request.Method == SipMethods.Cancel)
        {
            OnCancel(request, source);
            return;
        }

        if (!SipTransactionKey.TryCreate(request, out _))
        {
            return;
        }

        if (IsMerged(request))
        {
            SendStateless(request, source, 482);
            return;
        }

        var tx = Transactions.CreateServer(request, source);
        RememberForMerge(request, tx);
        if (Refusal(request, source) is { } refusal)
        {
            tx.Respond(refusal);
            return;
        }

        var inDialog = request.To?.Tag is not null;
        if (inDialog)
        {
            OnInDialogRequest(request, tx);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Options:
                tx.Respond(CreateOptionsResponse(request));
                break;
            case SipMethods.Invite:
                OnInvite(request, (SipInviteServerTransaction)tx, source, local);
                break;
            default:
                tx.Respond(CreateResponse(request, 481));
                break;
        }
    }

    /// <summary>The refusal a request gets before any processing, or null to go on.</summary>
    private SipResponse? Refusal(SipRequest request, SipEndPoint source)
    {
        if (_allowed.Length > 0 && !IsAllowed(source.Address.Address))
        {
            _logger.LogInformation("Sip {Method} from {Source} refused: not in the allow-list", request.Method, source);
            return CreateResponse(request, 403);
        }

        if (request.MaxForwards is 0 && request.Method != SipMethods.Options)
        {
            return CreateResponse(request, 483);
        }

        if (!request.RequestUri.IsSip && !request.RequestUri.IsTel)
        {
            return CreateResponse(request, 416);
        }

        if (!IsAllowedMethod(request.Method))
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

        var inDialog = request.To?.Tag is not null;
        if (!inDialog && request.Method == SipMethods.Invite && !IsServiceNumber(request.RequestUri))
        {
            _logger.LogInformation("Sip INVITE for an unknown number refused with 404");
            return CreateResponse(request, 404);
        }

        if (!inDialog && request.Method == SipMethods.Invite && !request.Body.IsEmpty
            && (request.ContentType is not { } type || !IsAcceptedContentType(type)))
        {
            var refusal = CreateResponse(request, 415);
            refusal.Headers.Add(SipHeaderId.Accept, "application/sdp");
            return refusal;
        }

        if (!inDialog && request.Method == SipMethods.Invite && !AcceptsSdp(request.Accept))
        {
            return CreateResponse(request, 406);
        }

        return null;
    }

    private bool IsAcceptedContentType(SipContentType type)
    {
        foreach (var accepted in _options.AcceptedContentTypes)
        {
            if (type.Is(accepted))
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

    private SipResponse CreateOptionsResponse(SipRequest request)
    {
        var response = CreateResponse(request, 200);
        response.Headers.Add(SipHeaderId.Allow, AllowedMethods);
        response.Headers.Add(SipHeaderId.Accept, string.Join(", ", _options.AcceptedContentTypes));
        response.Headers.Add(SipHeaderId.Supported, string.Join(", ", _options.SupportedOptionTags));
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
        or SipMethods.Cancel or SipMethods.Options or SipMethods.Info or SipMethods.Notify;

    private string? UnsupportedRequire(SipRequest request)
    {
        List<string>? unknown = null;
        foreach (var tag in request.Require)
        {
            var trimmed = tag.Trim();
            if (trimmed.Length > 0 && !_options.SupportedOptionTags.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                (unknown ??= []).Add(trimmed);
            }
        }

        return unknown is null ? null : string.Join(", ", unknown);
    }

    private bool IsServiceNumber(SipUri uri)
    {
        if (_options.ServiceNumbers.Count == 0)
        {
            return true;
        }

        var user = uri.UnescapedUser;
        if (user is null)
        {
            return false;
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

        foreach (var number in _options.ServiceNumbers)
        {
            if (digits[..n].SequenceEqual(number))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>RFC 3261 8.2.2.2: same From tag, Call-ID and CSeq as a live transaction, but another branch.</summary>
    private bool IsMerged(SipRequest request)
    {
        if (request.To?.Tag is not null || request.From?.Tag is not { } fromTag || request.CallId is not { } callId || request.CSeq is not { } cseq)
        {
            return false;
        }

        return _recent.TryGetValue((callId, fromTag, cseq.Number, cseq.Method), out var tx)
            && tx.State != SipTransactionState.Terminated;
    }

    private void RememberForMerge(SipRequest request, SipServerTransaction tx)
    {
        if (request.To?.Tag is not null || request.From?.Tag is not { } fromTag || request.CallId is not { } callId || request.CSeq is not { } cseq)
        {
            return;
        }

        if (_recent.Count >= 4096)
        {
            foreach (var (key, old) in _recent)
            {
                if (old.State == SipTransactionState.Terminated)
                {
                    _recent.Remove(key);
                }
            }
        }

        _recent[(callId, fromTag, cseq.Number, cseq.Method)] = tx;
    }
}
