using System.Buffers;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>Reads a Request-Line or Status-Line (RFC 3261 7.1, 7.2): single spaces, SIP/2.0 only.</summary>
internal static class SipStartLine
{
    private static readonly SearchValues<byte> ControlsButTab = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    private static ReadOnlySpan<byte> SipSlash => "SIP/"u8;

    /// <summary>Fills the start-line fields of the layout; <paramref name="offset"/> is where the line begins.</summary>
    public static SipParseError? TryParse(ReadOnlySpan<byte> line, int offset, ref SipMessageLayout layout)
    {
        if (line.Length >= 4 && Ascii.EqualsIgnoreCase(line[..4], SipSlash) && line.IndexOf((byte)' ') is var sp and > 0
            && IsVersionShape(line[..sp]))
        {
            return ParseStatusLine(line, offset, ref layout);
        }

        return ParseRequestLine(line, offset, ref layout);
    }

    private static SipParseError? ParseStatusLine(ReadOnlySpan<byte> line, int offset, ref SipMessageLayout layout)
    {
        var sp = line.IndexOf((byte)' ');
        if (CheckVersion(line[..sp]) is { } versionFault)
        {
            return versionFault;
        }

        var rest = line[(sp + 1)..];
        var codeEnd = rest.IndexOf((byte)' ');
        var code = codeEnd < 0 ? rest : rest[..codeEnd];
        if (code.Length != 3 || code.ContainsAnyExceptInRange((byte)'0', (byte)'9') || code[0] is (byte)'0' or > (byte)'6')
        {
            return new SipParseError("Invalid status code '" + Printable(code) + "'");
        }

        // Reason-Phrase (RFC 3261 25.1) is text, SP and HTAB: no NUL, bare CR or other control byte.
        if (codeEnd >= 0 && rest[(codeEnd + 1)..].ContainsAny(ControlsButTab))
        {
            return new SipParseError("Control character in reason phrase");
        }

        layout.IsRequest = false;
        layout.StatusCode = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
        layout.ReasonStart = offset + sp + 1 + (codeEnd < 0 ? rest.Length : codeEnd + 1);
        layout.ReasonLength = codeEnd < 0 ? 0 : rest.Length - codeEnd - 1;
        return null;
    }

    private static SipParseError? ParseRequestLine(ReadOnlySpan<byte> line, int offset, ref SipMessageLayout layout)
    {
        var sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0)
        {
            return new SipParseError("Malformed start line");
        }

        var method = line[..sp1];
        if (method.ContainsAnyExcept(SipText.TokenBytes))
        {
            return new SipParseError("Method is not a token");
        }

        var rest = line[(sp1 + 1)..];
        var sp2 = rest.IndexOf((byte)' ');
        if (sp2 < 0)
        {
            return new SipParseError("Request line has no SIP version");
        }

        if (sp2 == 0)
        {
            return new SipParseError("Request line has more than one space between elements");
        }

        var version = rest[(sp2 + 1)..];
        if (version.IndexOfAny((byte)' ', (byte)'\t') >= 0)
        {
            return new SipParseError(version.TrimEnd((byte)' ').IndexOfAny((byte)' ', (byte)'\t') < 0
                ? "Request line has trailing white space"
                : "Request-URI contains white space or the request line has extra elements");
        }

        if (CheckVersion(version) is { } versionFault)
        {
            return versionFault;
        }

        layout.IsRequest = true;
        layout.Method = SipMethods.Intern(method);
        layout.UriStart = offset + sp1 + 1;
        layout.UriLength = sp2;
        return null;
    }

    private static bool IsVersionShape(ReadOnlySpan<byte> v)
    {
        if (v.Length < 7 || !Ascii.EqualsIgnoreCase(v[..4], SipSlash))
        {
            return false;
        }

        var digits = v[4..];
        var dot = digits.IndexOf((byte)'.');
        return dot > 0 && dot < digits.Length - 1
            && !digits[..dot].ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && !digits[(dot + 1)..].ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    private static SipParseError? CheckVersion(ReadOnlySpan<byte> v)
    {
        if (!IsVersionShape(v))
        {
            return new SipParseError("Malformed SIP version '" + Printable(v) + "'");
        }

        return v[4..].SequenceEqual("2.0"u8)
            ? null
            : new SipParseError("SIP version " + Encoding.ASCII.GetString(v[4..]) + " not supported", 505);
    }

    private static string Printable(ReadOnlySpan<byte> b) =>
        Encoding.ASCII.GetString(b.Length > 40 ? b[..40] : b).ReplaceLineEndings(" ");
}
