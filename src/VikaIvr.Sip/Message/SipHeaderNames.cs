using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Canonical and compact header names, resolved without allocation from bytes or chars.
/// The tables are immutable after type initialisation.
/// </summary>
public static class SipHeaderNames
{
    private static readonly string[] Canonical = BuildCanonical();
    private static readonly SipHeaderId[] CompactMap = BuildCompact();
    private static readonly (byte[] Name, SipHeaderId Id)[][] Buckets = BuildBuckets();

    /// <summary>The canonical (long) name, e.g. "Call-ID"; empty for <see cref="SipHeaderId.Unknown"/>.</summary>
    public static string GetName(SipHeaderId id) => Canonical[(int)id];

    /// <summary>Resolves a header name (long or compact form, any case) to its id.</summary>
    public static SipHeaderId Resolve(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return CompactOf(name[0]);
        }

        if (name.IsEmpty)
        {
            return SipHeaderId.Unknown;
        }

        foreach (var (candidate, id) in Buckets[Bucket(name.Length, name[0], name[^1])])
        {
            if (Ascii.EqualsIgnoreCase(name, candidate))
            {
                return id;
            }
        }

        return SipHeaderId.Unknown;
    }

    /// <summary>Resolves a header name (long or compact form, any case) to its id.</summary>
    public static SipHeaderId Resolve(ReadOnlySpan<char> name)
    {
        if (name.Length == 1)
        {
            return name[0] < 128 ? CompactOf((byte)name[0]) : SipHeaderId.Unknown;
        }

        if (name.IsEmpty || name[0] >= 128 || name[^1] >= 128)
        {
            return SipHeaderId.Unknown;
        }

        foreach (var (candidate, id) in Buckets[Bucket(name.Length, (byte)name[0], (byte)name[^1])])
        {
            if (Ascii.EqualsIgnoreCase(name, candidate))
            {
                return id;
            }
        }

        return SipHeaderId.Unknown;
    }

    /// <summary>True when the header's grammar is a comma-separated list (RFC 3261 7.3.1).</summary>
    public static bool IsList(SipHeaderId id) => id switch
    {
        SipHeaderId.Accept or SipHeaderId.AcceptContact or SipHeaderId.AcceptEncoding
            or SipHeaderId.AcceptLanguage or SipHeaderId.AlertInfo or SipHeaderId.Allow
            or SipHeaderId.AllowEvents or SipHeaderId.CallInfo or SipHeaderId.Contact
            or SipHeaderId.ContentEncoding or SipHeaderId.ContentLanguage or SipHeaderId.Diversion
            or SipHeaderId.ErrorInfo or SipHeaderId.InReplyTo or SipHeaderId.PAssertedIdentity
            or SipHeaderId.PPreferredIdentity or SipHeaderId.Privacy or SipHeaderId.ProxyRequire
            or SipHeaderId.Reason or SipHeaderId.RecordRoute or SipHeaderId.RejectContact
            or SipHeaderId.RequestDisposition or SipHeaderId.Require or SipHeaderId.Route
            or SipHeaderId.Supported or SipHeaderId.Unsupported or SipHeaderId.Via
            or SipHeaderId.Warning => true,
        _ => false,
    };

    private static SipHeaderId CompactOf(byte c) => c < 128 ? CompactMap[c | 0x20] : SipHeaderId.Unknown;

    private static string[] BuildCanonical()
    {
        var names = new string[(int)SipHeaderId.WwwAuthenticate + 1];
        names[0] = string.Empty;
        names[(int)SipHeaderId.Accept] = "Accept";
        names[(int)SipHeaderId.AcceptContact] = "Accept-Contact";
        names[(int)SipHeaderId.AcceptEncoding] = "Accept-Encoding";
        names[(int)SipHeaderId.AcceptLanguage] = "Accept-Language";
        names[(int)SipHeaderId.AlertInfo] = "Alert-Info";
        names[(int)SipHeaderId.Allow] = "Allow";
        names[(int)SipHeaderId.AllowEvents] = "Allow-Events";
        names[(int)SipHeaderId.AuthenticationInfo] = "Authentication-Info";
        names[(int)SipHeaderId.Authorization] = "Authorization";
        names[(int)SipHeaderId.CallId] = "Call-ID";
        names[(int)SipHeaderId.CallInfo] = "Call-Info";
        names[(int)SipHeaderId.Contact] = "Contact";
        names[(int)SipHeaderId.ContentDisposition] = "Content-Disposition";
        names[(int)SipHeaderId.ContentEncoding] = "Content-Encoding";
        names[(int)SipHeaderId.ContentLanguage] = "Content-Language";
        names[(int)SipHeaderId.ContentLength] = "Content-Length";
        names[(int)SipHeaderId.ContentType] = "Content-Type";
        names[(int)SipHeaderId.CSeq] = "CSeq";
        names[(int)SipHeaderId.Date] = "Date";
        names[(int)SipHeaderId.Diversion] = "Diversion";
        names[(int)SipHeaderId.ErrorInfo] = "Error-Info";
        names[(int)SipHeaderId.Event] = "Event";
        names[(int)SipHeaderId.Expires] = "Expires";
        names[(int)SipHeaderId.From] = "From";
        names[(int)SipHeaderId.Identity] = "Identity";
        names[(int)SipHeaderId.IdentityInfo] = "Identity-Info";
        names[(int)SipHeaderId.InReplyTo] = "In-Reply-To";
        names[(int)SipHeaderId.MaxForwards] = "Max-Forwards";
        names[(int)SipHeaderId.MimeVersion] = "MIME-Version";
        names[(int)SipHeaderId.MinExpires] = "Min-Expires";
        names[(int)SipHeaderId.MinSE] = "Min-SE";
        names[(int)SipHeaderId.Organization] = "Organization";
        names[(int)SipHeaderId.PAssertedIdentity] = "P-Asserted-Identity";
        names[(int)SipHeaderId.PPreferredIdentity] = "P-Preferred-Identity";
        names[(int)SipHeaderId.Priority] = "Priority";
        names[(int)SipHeaderId.Privacy] = "Privacy";
        names[(int)SipHeaderId.ProxyAuthenticate] = "Proxy-Authenticate";
        names[(int)SipHeaderId.ProxyAuthorization] = "Proxy-Authorization";
        names[(int)SipHeaderId.ProxyRequire] = "Proxy-Require";
        names[(int)SipHeaderId.RAck] = "RAck";
        names[(int)SipHeaderId.Reason] = "Reason";
        names[(int)SipHeaderId.RecordRoute] = "Record-Route";
        names[(int)SipHeaderId.ReferTo] = "Refer-To";
        names[(int)SipHeaderId.ReferredBy] = "Referred-By";
        names[(int)SipHeaderId.RejectContact] = "Reject-Contact";
        names[(int)SipHeaderId.Replaces] = "Replaces";
        names[(int)SipHeaderId.ReplyTo] = "Reply-To";
        names[(int)SipHeaderId.RequestDisposition] = "Request-Disposition";
        names[(int)SipHeaderId.Require] = "Require";
        names[(int)SipHeaderId.RetryAfter] = "Retry-After";
        names[(int)SipHeaderId.Route] = "Route";
        names[(int)SipHeaderId.RSeq] = "RSeq";
        names[(int)SipHeaderId.Server] = "Server";
        names[(int)SipHeaderId.SessionExpires] = "Session-Expires";
        names[(int)SipHeaderId.Subject] = "Subject";
        names[(int)SipHeaderId.SubscriptionState] = "Subscription-State";
        names[(int)SipHeaderId.Supported] = "Supported";
        names[(int)SipHeaderId.Timestamp] = "Timestamp";
        names[(int)SipHeaderId.To] = "To";
        names[(int)SipHeaderId.Unsupported] = "Unsupported";
        names[(int)SipHeaderId.UserAgent] = "User-Agent";
        names[(int)SipHeaderId.Via] = "Via";
        names[(int)SipHeaderId.Warning] = "Warning";
        names[(int)SipHeaderId.WwwAuthenticate] = "WWW-Authenticate";
        return names;
    }

    private static SipHeaderId[] BuildCompact()
    {
        var map = new SipHeaderId[128];
        map['a'] = SipHeaderId.AcceptContact;
        map['b'] = SipHeaderId.ReferredBy;
        map['c'] = SipHeaderId.ContentType;
        map['d'] = SipHeaderId.RequestDisposition;
        map['e'] = SipHeaderId.ContentEncoding;
        map['f'] = SipHeaderId.From;
        map['i'] = SipHeaderId.CallId;
        map['j'] = SipHeaderId.RejectContact;
        map['k'] = SipHeaderId.Supported;
        map['l'] = SipHeaderId.ContentLength;
        map['m'] = SipHeaderId.Contact;
        map['n'] = SipHeaderId.IdentityInfo;
        map['o'] = SipHeaderId.Event;
        map['r'] = SipHeaderId.ReferTo;
        map['s'] = SipHeaderId.Subject;
        map['t'] = SipHeaderId.To;
        map['u'] = SipHeaderId.AllowEvents;
        map['v'] = SipHeaderId.Via;
        map['x'] = SipHeaderId.SessionExpires;
        map['y'] = SipHeaderId.Identity;
        return map;
    }

    // Length plus first and last letter spread the ~60 names over the table with few collisions.
    private static int Bucket(int length, byte first, byte last) => ((length * 31) + ((first | 0x20) * 7) + (last | 0x20)) & 255;

    private static (byte[] Name, SipHeaderId Id)[][] BuildBuckets()
    {
        var lists = new List<(byte[], SipHeaderId)>[256];
        for (var id = 1; id < Canonical.Length; id++)
        {
            var bytes = Encoding.ASCII.GetBytes(Canonical[id]);
            (lists[Bucket(bytes.Length, bytes[0], bytes[^1])] ??= []).Add((bytes, (SipHeaderId)id));
        }

        var result = new (byte[], SipHeaderId)[256][];
        for (var i = 0; i < lists.Length; i++)
        {
            result[i] = lists[i]?.ToArray() ?? [];
        }

        return result;
    }
}
