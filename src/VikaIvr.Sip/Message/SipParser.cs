using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Parses one SIP message from a datagram or a framed stream chunk. Header strings are not
/// created here: the message keeps the bytes plus header ranges. Bytes after the body that
/// Content-Length announces are ignored (RFC 4475 dblreq); a Content-Length beyond the data
/// is an error, never a wait (use <see cref="SipStreamFramer"/> on streams).
/// </summary>
public static class SipParser
{
    private const int StackEntries = 32;

    /// <summary>Parses without copying: the message keeps <paramref name="data"/>, which must not be reused.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> data, SipParserOptions options,
        [NotNullWhen(true)] out SipMessage? message, out SipParseError? error)
    {
        message = null;
        if (!TryLayout(data.Span, options, out var layout, out error, out var headersRead))
        {
            if (headersRead)
            {
                error = new SipParseError(error!.Reason, error.StatusCode, layout.Build(data, withBody: false));
            }

            return false;
        }

        message = layout.Build(data, withBody: true);
        if (options.ValidateHeaders && SipMessageValidator.Validate(data.Span, layout) is { } fault)
        {
            error = new SipParseError(fault.Reason, fault.Status, message);
            message = null;
            return false;
        }

        return true;
    }

    /// <summary>Parses a copy of <paramref name="data"/> (only the message's own bytes are copied).</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, SipParserOptions options,
        [NotNullWhen(true)] out SipMessage? message, out SipParseError? error)
    {
        message = null;
        var ok = TryLayout(data, options, out var layout, out error, out var headersRead);
        if (!ok && !headersRead)
        {
            return false;
        }

        var length = ok ? layout.TotalLength : Math.Min(data.Length, layout.BodyStart);
        var copy = data[..length].ToArray();
        if (!ok)
        {
            error = new SipParseError(error!.Reason, error.StatusCode, layout.Build(copy, withBody: false));
            return false;
        }

        message = layout.Build(copy, withBody: true);
        if (options.ValidateHeaders && SipMessageValidator.Validate(copy, layout) is { } fault)
        {
            error = new SipParseError(fault.Reason, fault.Status, message);
            message = null;
            return false;
        }

        return true;
    }

    /// <summary>Parses with <see cref="SipParserOptions.Default"/>; throws <see cref="FormatException"/> on error.</summary>
    public static SipMessage Parse(ReadOnlySpan<byte> data) =>
        TryParse(data, SipParserOptions.Default, out var message, out var error)
            ? message
            : throw new FormatException(error!.Reason);

    private static bool TryLayout(ReadOnlySpan<byte> data, SipParserOptions options, out SipMessageLayout layout,
        out SipParseError? error, out bool headersRead)
    {
        layout = default;
        headersRead = false;
        error = null;
        if (data.Length > options.MaxMessageSize)
        {
            error = new SipParseError(
                "Message of " + data.Length.ToString(CultureInfo.InvariantCulture) + " bytes exceeds the limit of "
                + options.MaxMessageSize.ToString(CultureInfo.InvariantCulture), 513);
            return false;
        }

        var pos = 0;
        while (pos < data.Length && data[pos] is (byte)'\r' or (byte)'\n')
        {
            pos++;
        }

        var lf = data[pos..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            error = new SipParseError(pos == data.Length ? "Empty message" : "Start line not terminated");
            return false;
        }

        var lineEnd = pos + lf;
        var line = data[pos..(lineEnd > pos && data[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd)];
        if (SipStartLine.TryParse(line, pos, ref layout) is { } startFault)
        {
            // A broken request line still deserves its 400/505 (RFC 4475 3.1.2.x): read the headers
            // behind it so the answer can carry the Via, From, To, Call-ID and CSeq.
            error = startFault;
            if (!TryLenientRequestLine(line, pos, ref layout))
            {
                return false;
            }

            pos = lineEnd + 1;
            headersRead = TryReadHeaders(data, ref pos, options, ref layout, out _);
            layout.BodyStart = pos;
            return false;
        }

        pos = lineEnd + 1;
        if (!TryReadHeaders(data, ref pos, options, ref layout, out error))
        {
            return false;
        }

        headersRead = true;
        layout.BodyStart = pos;
        return TryLocateBody(data, ref layout, out error);
    }

    /// <summary>Method and Request-URI of a request line that failed the strict grammar, for a partial request.</summary>
    private static bool TryLenientRequestLine(ReadOnlySpan<byte> line, int offset, ref SipMessageLayout layout)
    {
        var sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0 || line[..sp1].ContainsAnyExcept(SipText.TokenBytes) || (line.Length >= 4 && Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8)))
        {
            return false;
        }

        var rest = line[(sp1 + 1)..].TrimStart((byte)' ');
        var uriStart = line.Length - rest.Length;
        var sp2 = rest.IndexOfAny((byte)' ', (byte)'\t');
        layout.IsRequest = true;
        layout.Method = SipMethods.Intern(line[..sp1]);
        layout.UriStart = offset + uriStart;
        layout.UriLength = sp2 < 0 ? rest.Length : sp2;
        return true;
    }

    [SkipLocalsInit]
    private static bool TryReadHeaders(ReadOnlySpan<byte> data, ref int pos, SipParserOptions options,
        ref SipMessageLayout layout, out SipParseError? error)
    {
        error = null;

        // Entries gather on the stack and are copied once into an array of the exact size.
        Span<HeaderEntry> entries = stackalloc HeaderEntry[StackEntries];
        HeaderEntry[]? grown = null;
        var count = 0;
        while (true)
        {
            if (pos >= data.Length)
            {
                error = new SipParseError("Headers not terminated by an empty line");
                return false;
            }

            if (data[pos] == '\n' || (data[pos] == '\r' && pos + 1 < data.Length && data[pos + 1] == '\n'))
            {
                pos += data[pos] == '\n' ? 1 : 2;
                break;
            }

            if (count == options.MaxHeaders)
            {
                error = new SipParseError("Too many headers (more than "
                    + options.MaxHeaders.ToString(CultureInfo.InvariantCulture) + ")");
                return false;
            }

            if (count == entries.Length)
            {
                var bigger = new HeaderEntry[Math.Min(count * 2, options.MaxHeaders)];
                entries.CopyTo(bigger);
                grown = bigger;
                entries = bigger;
            }

            if (!SipHeaderLine.TryRead(data, ref pos, out entries[count], out var fault))
            {
                error = new SipParseError(fault!);
                return false;
            }

            count++;
        }

        layout.Entries = grown is not null && grown.Length == count ? grown : entries[..count].ToArray();
        layout.HeaderCount = count;
        return true;
    }

    private static bool TryLocateBody(ReadOnlySpan<byte> data, ref SipMessageLayout layout, out SipParseError? error)
    {
        error = null;
        var available = data.Length - layout.BodyStart;
        var found = -1;
        for (var i = 0; i < layout.HeaderCount; i++)
        {
            ref var e = ref layout.Entries[i];
            if (e.Id != SipHeaderId.ContentLength)
            {
                continue;
            }

            if (found >= 0)
            {
                error = new SipParseError("Multiple Content-Length headers");
                return false;
            }

            var raw = data.Slice(e.ValueStart, e.ValueLength).Trim(" \t\r\n"u8);
            if (raw.Length > 0 && raw[0] == '-')
            {
                error = new SipParseError("Negative Content-Length");
                return false;
            }

            if (raw.IsEmpty || raw.Length > 9 || raw.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                error = new SipParseError("Invalid Content-Length");
                return false;
            }

            found = int.Parse(raw, CultureInfo.InvariantCulture);
        }

        if (found > available)
        {
            error = new SipParseError("Content-Length larger than the message ("
                + found.ToString(CultureInfo.InvariantCulture) + " announced, "
                + available.ToString(CultureInfo.InvariantCulture) + " present)");
            return false;
        }

        layout.BodyLength = found >= 0 ? found : available;
        layout.TotalLength = layout.BodyStart + layout.BodyLength;
        return true;
    }
}
