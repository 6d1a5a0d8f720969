using System.Globalization;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Finds message boundaries in a TCP/TLS byte stream (RFC 3261 18.3): skips CRLF keep-alives,
/// finds the end of the headers and adds Content-Length (compact <c>l</c> too), which is mandatory
/// on streams. Stateless: give it everything buffered so far.
/// </summary>
public sealed class SipStreamFramer
{
    private readonly SipParserOptions _options;

    public SipStreamFramer(SipParserOptions options) => _options = options;

    public SipFrame Frame(ReadOnlySpan<byte> buffered)
    {
        var skip = 0;
        while (skip < buffered.Length && buffered[skip] is (byte)'\r' or (byte)'\n')
        {
            skip++;
        }

        var data = buffered[skip..];
        var headerEnd = SipHeaderEnd.Find(data, out var separatorLength);
        if (headerEnd < 0)
        {
            return data.Length > _options.MaxMessageSize
                ? new SipFrame(SipFrameStatus.Error, skip, 0, "Headers exceed "
                    + _options.MaxMessageSize.ToString(CultureInfo.InvariantCulture) + " bytes without an end")
                : new SipFrame(SipFrameStatus.NeedMore, skip, 0);
        }

        var headerLength = headerEnd + separatorLength;
        var contentLength = FindContentLength(data[..headerEnd], out var fault);
        if (fault is not null)
        {
            return new SipFrame(SipFrameStatus.Error, skip, 0, fault);
        }

        if (contentLength < 0)
        {
            return new SipFrame(SipFrameStatus.Error, skip, 0, "Missing Content-Length on a stream");
        }

        var total = (long)headerLength + contentLength;
        if (total > _options.MaxMessageSize)
        {
            return new SipFrame(SipFrameStatus.Error, skip, 0, "Content-Length "
                + contentLength.ToString(CultureInfo.InvariantCulture) + " makes the message exceed "
                + _options.MaxMessageSize.ToString(CultureInfo.InvariantCulture) + " bytes");
        }

        return data.Length >= total
            ? new SipFrame(SipFrameStatus.Complete, skip, (int)total)
            : new SipFrame(SipFrameStatus.NeedMore, skip, 0);
    }

    /// <summary>The Content-Length value, -1 when absent; a fault for a bad or repeated one.</summary>
    private static long FindContentLength(ReadOnlySpan<byte> headers, out string? fault)
    {
        fault = null;
        long found = -1;
        var pos = headers.IndexOf((byte)'\n') + 1;
        while (pos > 0 && pos < headers.Length)
        {
            var end = headers[pos..].IndexOf((byte)'\n');
            var line = end < 0 ? headers[pos..] : headers.Slice(pos, end);
            pos = end < 0 ? headers.Length : pos + end + 1;
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t')
            {
                continue;
            }

            var name = line[..colon].TrimEnd(" \t"u8);
            if (!Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && !Ascii.EqualsIgnoreCase(name, "l"u8))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim(" \t\r"u8);
            if (value.IsEmpty || value.Length > 9 || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                fault = "Invalid Content-Length on a stream";
                return -1;
            }

            if (found >= 0)
            {
                fault = "Multiple Content-Length headers on a stream";
                return -1;
            }

            found = long.Parse(value, CultureInfo.InvariantCulture);
        }

        return found;
    }
}
