using VikaIvr.Sip.Message;

namespace VikaIvr.Fuzz.Targets;

/// <summary>Reads every lazily parsed view of a message, as the transaction layer and the UA core do.</summary>
internal static class SipViews
{
    public static void Touch(SipMessage m)
    {
        _ = m.CallId;
        _ = m.CSeq?.Method;
        Addr(m.From);
        Addr(m.To);
        foreach (var via in m.Vias)
        {
            _ = (via.Branch, via.HasRfc3261Branch, via.Maddr, via.Received, via.Rport, via.Ttl, via.SentBy, via.ToString());
        }

        _ = m.TopVia;
        foreach (var contact in m.Contacts)
        {
            Addr(contact);
        }

        foreach (var route in m.Routes.Concat(m.RecordRoutes))
        {
            Addr(route);
        }

        _ = (m.MaxForwards, m.ContentLength, m.Expires, m.ContentType?.ToString());
        _ = (m.Require, m.ProxyRequire, m.Supported, m.Unsupported, m.Allow, m.Accept);
        _ = (m.Event?.ToString(), m.SubscriptionState?.ToString());
        Addr(m.ReferTo);
        Addr(m.ReferredBy);
        _ = (m.WwwAuthenticate.Count, m.ProxyAuthenticate.Count, m.Authorization?.ToString(), m.ProxyAuthorization?.ToString());
        _ = SipMessageFormatter.Describe(m);
        if (m is SipRequest request)
        {
            _ = (request.Method, request.RequestUriText, request.RequestUri.UnescapedUser, request.RequestUri.HostPort);
            if (request.CSeq is not null && request.CallId is not null && request.From is not null && request.To is not null)
            {
                _ = SipSerializer.ToArray(SipResponse.CreateFor(request, 400));
            }
        }
        else if (m is SipResponse response)
        {
            _ = (response.StatusCode, response.ReasonPhrase);
        }

        _ = SipSerializer.ToArray(m);
    }

    /// <summary>
    /// RFC 3261's grammar has no NUL and no bare CR in a start line or header value (a NUL only as
    /// a quoted-pair, after a backslash): a message the parser accepted must not carry one. CR and
    /// LF before the start line are skipped, as the parser skips keep-alives there.
    /// </summary>
    public static void RequireNoExcludedControls(ReadOnlySpan<byte> data)
    {
        data = data.TrimStart("\r\n"u8);
        var end = SipHeaderEnd.Find(data, out _);
        if (end < 0)
        {
            end = data.Length;
        }

        for (var i = 0; i < end; i++)
        {
            var bareCr = data[i] == '\r' && (i + 1 >= data.Length || data[i + 1] != '\n');
            var looseNul = data[i] == 0 && (i == 0 || data[i - 1] != '\\');
            if (bareCr || looseNul)
            {
                throw new FuzzInvariantException($"accepted a message with byte 0x{data[i]:X2} at {i} in its headers");
            }
        }
    }

    private static void Addr(SipNameAddr? addr)
    {
        if (addr is null)
        {
            return;
        }

        _ = (addr.ToString(), addr.Uri.ToString(), addr.Uri.UnescapedUser, addr.Tag);
    }
}
