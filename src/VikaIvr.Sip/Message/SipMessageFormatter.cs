using System.Globalization;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// A readable multi-line dump of a message: the start line, then each header with its parsed
/// structure where the header is known (Via fields, URIs, tags, CSeq), then the body length.
/// For diagnostics (<c>vika sip parse FILE</c>), not for the wire.
/// </summary>
public static class SipMessageFormatter
{
    public static string Describe(SipMessage message)
    {
        var sb = new StringBuilder(1024);
        if (message is SipRequest request)
        {
            sb.Append("Request  ").Append(request.Method).Append(' ').Append(request.RequestUriText).AppendLine();
            if (SipUri.TryParse(request.RequestUriText, out var uri))
            {
                AppendUri(sb, "  ", uri);
            }
        }
        else if (message is SipResponse response)
        {
            sb.Append("Response ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture))
                .Append(" \"").Append(response.ReasonPhrase).Append('"').AppendLine();
        }

        var headers = message.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var h = headers[i];
            sb.Append(h.Name);
            if (h.Id != SipHeaderId.Unknown && !string.Equals(h.Name, SipHeaderNames.GetName(h.Id), StringComparison.Ordinal))
            {
                sb.Append(" (").Append(SipHeaderNames.GetName(h.Id)).Append(')');
            }

            sb.Append(": ").Append(Printable(h.Value)).AppendLine();
            AppendStructure(sb, h);
        }

        sb.Append("Body: ").Append(message.Body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes");
        if (message.ContentType is { } type)
        {
            sb.Append(" of ").Append(type.MediaType);
        }

        return sb.AppendLine().ToString();
    }

    private static void AppendStructure(StringBuilder sb, SipHeader h)
    {
        switch (h.Id)
        {
            case SipHeaderId.Via:
                var items = new List<string>();
                SipText.SplitList(h.Value, items);
                foreach (var item in items)
                {
                    if (SipVia.TryParse(item, out var via))
                    {
                        sb.Append("  via transport=").Append(via.Transport).Append(" host=").Append(via.Host)
                            .Append(" port=").Append(via.Port?.ToString(CultureInfo.InvariantCulture) ?? "-")
                            .Append(" branch=").Append(via.Branch ?? "-")
                            .Append(" received=").Append(via.Received ?? "-")
                            .Append(" rport=").Append(via.HasRport ? via.Rport?.ToString(CultureInfo.InvariantCulture) ?? "(empty)" : "-")
                            .AppendLine();
                    }
                    else
                    {
                        sb.Append("  via INVALID: ").Append(Printable(item)).AppendLine();
                    }
                }

                break;
            case SipHeaderId.From or SipHeaderId.To or SipHeaderId.Contact or SipHeaderId.Route
                or SipHeaderId.RecordRoute or SipHeaderId.ReferTo or SipHeaderId.ReferredBy:
                var values = new List<string>();
                if (SipHeaderNames.IsList(h.Id))
                {
                    SipText.SplitList(h.Value, values);
                }
                else
                {
                    values.Add(h.Value);
                }

                foreach (var value in values)
                {
                    if (SipNameAddr.TryParse(value, out var na))
                    {
                        sb.Append("  name=").Append(na.DisplayName is null ? "-" : "\"" + Printable(na.DisplayName) + "\"")
                            .Append(" tag=").Append(na.Tag ?? "-");
                        foreach (var p in na.Parameters)
                        {
                            if (p.Name != "tag")
                            {
                                sb.Append(" ;").Append(p);
                            }
                        }

                        sb.AppendLine();
                        AppendUri(sb, "    ", na.Uri);
                    }
                    else
                    {
                        sb.Append("  INVALID address").AppendLine();
                    }
                }

                break;
            case SipHeaderId.CSeq:
                sb.Append(SipCSeq.TryParse(h.Value, out var cseq)
                    ? "  number=" + cseq.Number.ToString(CultureInfo.InvariantCulture) + " method=" + cseq.Method
                    : "  INVALID CSeq").AppendLine();
                break;
        }
    }

    private static void AppendUri(StringBuilder sb, string indent, SipUri uri)
    {
        sb.Append(indent).Append("uri scheme=").Append(uri.Scheme);
        if (uri.Opaque is not null)
        {
            sb.Append(" opaque=").Append(uri.Opaque).AppendLine();
            return;
        }

        sb.Append(" user=").Append(uri.User is null ? "-" : Printable(uri.User));
        if (uri.User is not null && uri.UnescapedUser != uri.User)
        {
            sb.Append(" (unescaped ").Append(Printable(uri.UnescapedUser!)).Append(')');
        }

        sb.Append(" host=").Append(uri.Host.Length == 0 ? "-" : uri.Host)
            .Append(" port=").Append(uri.Port?.ToString(CultureInfo.InvariantCulture) ?? "-");
        foreach (var p in uri.Parameters)
        {
            sb.Append(" ;").Append(p);
        }

        foreach (var p in uri.Headers)
        {
            sb.Append(" ?").Append(p);
        }

        sb.AppendLine();
    }

    // Control characters (a quoted NUL, BEL...) are shown escaped so the dump stays one line each.
    private static string Printable(string s)
    {
        var clean = true;
        foreach (var c in s)
        {
            if (char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            if (char.IsControl(c))
            {
                sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
