using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Syntax checks of the headers every element relies on, run on the raw bytes without
/// allocating on success. Semantic refusals (416, 420, 483...) are left to the UA core.
/// </summary>
internal static class SipMessageValidator
{
    private const int StackChars = 512;

    public static (string Reason, int Status)? Validate(ReadOnlySpan<byte> data, in SipMessageLayout layout)
    {
        if (layout.IsRequest && !SipFastSyntax.IsSimpleSipUri(data.Slice(layout.UriStart, layout.UriLength))
            && CheckRequestUri(data.Slice(layout.UriStart, layout.UriLength)) is { } uriFault)
        {
            return (uriFault, 400);
        }

        int callIds = 0, cseqs = 0, froms = 0, tos = 0, vias = 0, maxForwards = 0, contentTypes = 0;
        for (var i = 0; i < layout.HeaderCount; i++)
        {
            ref readonly var e = ref layout.Entries[i];
            var raw = data.Slice(e.ValueStart, e.ValueLength);
            if (raw.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 && HasExcludedControl(raw))
            {
                return ("Control character in header " + Encoding.ASCII.GetString(data.Slice(e.NameStart, e.NameLength)), 400);
            }

            string? fault = null;
            switch (e.Id)
            {
                case SipHeaderId.CallId:
                    callIds++;
                    fault = raw.IsEmpty ? "Invalid Call-ID header: empty" : null;
                    break;
                case SipHeaderId.CSeq:
                    cseqs++;
                    fault = SipFastSyntax.IsSimpleCSeq(raw, layout.IsRequest ? layout.Method : null) ? null : CheckCSeq(raw, layout);
                    break;
                case SipHeaderId.From:
                    froms++;
                    fault = SipFastSyntax.IsSimpleNameAddr(raw) ? null : Check(raw, Kind.NameAddr, "From");
                    break;
                case SipHeaderId.To:
                    tos++;
                    fault = SipFastSyntax.IsSimpleNameAddr(raw) ? null : Check(raw, Kind.NameAddr, "To");
                    break;
                case SipHeaderId.Via:
                    vias++;
                    fault = SipFastSyntax.IsSimpleVia(raw) ? null : Check(raw, Kind.Via, "Via");
                    break;
                case SipHeaderId.Contact:
                    fault = SipFastSyntax.IsSimpleNameAddr(raw) ? null : Check(raw, Kind.NameAddrList, "Contact");
                    break;
                case SipHeaderId.MaxForwards:
                    maxForwards++;
                    fault = raw.IsEmpty || raw.ContainsAnyExceptInRange((byte)'0', (byte)'9')
                        ? "Invalid Max-Forwards header: not a number" : null;
                    break;
                case SipHeaderId.ContentType:
                    contentTypes++;
                    break;
            }

            if (fault is not null)
            {
                return (fault, 400);
            }
        }

        return Missing("Call-ID", callIds) ?? Missing("CSeq", cseqs) ?? Missing("From", froms)
            ?? Missing("To", tos) ?? (vias == 0 ? ("Missing required header: Via", 400) : ((string, int)?)null)
            ?? Duplicate("Max-Forwards", maxForwards) ?? Duplicate("Content-Type", contentTypes);
    }

    /// <summary>
    /// RFC 3261 25.1: a header value holds no C0 control but HTAB, and CR/LF only as a fold
    /// (CRLF then SP/HT), except as a quoted-pair inside a quoted-string (RFC 4475 intmeth); NUL
    /// or a bare CR is refused rather than passed on to code that may take it for a line or string end.
    /// </summary>
    private static bool HasExcludedControl(ReadOnlySpan<byte> value)
    {
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (quoted && b == (byte)'\\' && i + 1 < value.Length && value[i + 1] is not (byte)'\r' and not (byte)'\n')
            {
                i++;
                continue;
            }

            if (b == (byte)'"')
            {
                quoted = !quoted;
                continue;
            }

            if (b >= 0x20 || b == (byte)'\t' || b == (byte)'\n' || (b == (byte)'\r' && i + 1 < value.Length && value[i + 1] == (byte)'\n'))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private static (string, int)? Missing(string name, int count) => count switch
    {
        0 => ("Missing required header: " + name, 400),
        1 => null,
        _ => ("Multiple " + name + " headers", 400),
    };

    private static (string, int)? Duplicate(string name, int count) =>
        count > 1 ? ("Multiple " + name + " headers", 400) : null;

    private static string? CheckRequestUri(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty || raw[0] == '<')
        {
            return "Invalid Request-URI: must not be enclosed in <>";
        }

        // The URI parser takes any byte in a user part; RFC 3261's grammar has no raw control
        // character anywhere in a Request-URI (found by fuzzing: "MESSAGE sip:k\0@erg" was accepted).
        if (raw.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || raw.Contains((byte)0x7F))
        {
            return "Invalid Request-URI: control character";
        }

        return WithChars(raw, 0, static (chars, _unused) =>
        {
            if (!SipUriParser.TryParse(chars, build: false, out _, out var fault))
            {
                return "Invalid Request-URI: " + fault;
            }

            var colon = chars.IndexOf(':');
            var isSip = chars[..colon].Equals("sip", StringComparison.OrdinalIgnoreCase)
                || chars[..colon].Equals("sips", StringComparison.OrdinalIgnoreCase);
            var hostPart = chars[(chars.IndexOf('@') + 1)..];
            return isSip && hostPart.IndexOf('?') >= 0 ? "Invalid Request-URI: headers are not allowed" : null;
        });
    }

    private static string? CheckCSeq(ReadOnlySpan<byte> raw, in SipMessageLayout layout)
    {
        return WithChars(raw, (layout.Method, layout.IsRequest), static (chars, state) =>
        {
            var (method, isRequest) = state;
            if (!SipCSeq.TryParse(chars, build: false, out _, out var m))
            {
                return "Invalid CSeq header: expected a 32-bit number and a method";
            }

            return isRequest && !chars[m].SequenceEqual(method)
                ? "CSeq method " + chars[m].ToString() + " does not match the request method " + method
                : null;
        });
    }

    private enum Kind { NameAddr, NameAddrList, Via }

    private static string? Check(ReadOnlySpan<byte> raw, Kind kind, string header) => WithChars(raw, (kind, header), static (chars, state) =>
    {
        var (kind, header) = state;
        if (kind == Kind.NameAddr)
        {
            return SipNameAddr.TryParse(chars, build: false, out _, out var f) ? null : "Invalid " + header + " header: " + f;
        }

        var items = 0;
        foreach (var item in SipList.Items(chars))
        {
            items++;
            var ok = kind == Kind.Via
                ? SipVia.TryParse(item, build: false, out _, out var fault)
                : SipNameAddr.TryParse(item, build: false, out _, out fault);
            if (!ok)
            {
                return "Invalid " + header + " header: " + fault + " in '" + item.ToString().ReplaceLineEndings(" ") + "'";
            }
        }

        return items == 0 && kind == Kind.Via ? "Invalid Via header: empty" : null;
    });

    private delegate string? CharCheck<TState>(ReadOnlySpan<char> chars, TState state);

    // Latin-1 widening keeps one char per byte, so quoted UTF-8 text is checked as opaque octets.
    [SkipLocalsInit]
    private static string? WithChars<TState>(ReadOnlySpan<byte> raw, TState state, CharCheck<TState> check)
    {
        char[]? rented = null;
        Span<char> buffer = raw.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var n = Encoding.Latin1.GetChars(raw, buffer);
            return check(buffer[..n], state);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
