using System.Globalization;

namespace VikaIvr.Media.Sdp;

/// <summary>Line-by-line SDP parser behind <see cref="SdpSessionDescription.TryParse"/>.</summary>
internal static class SdpParser
{
    public static bool TryParse(ReadOnlySpan<char> text, out SdpSessionDescription sdp, out string? error)
    {
        sdp = null!;
        error = null;
        int? version = null;
        SdpOrigin? origin = null;
        // Parsed straight into the description's own lists; the placeholder origin is replaced below.
        var parsed = new SdpSessionDescription { Origin = NoOrigin };
        var attributes = parsed.Attributes;
        var others = parsed.OtherLines;
        var media = parsed.Media;
        SdpMediaDescription? current = null;
        int lineNumber = 0;

        foreach (var rawLine in text.EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.TrimEnd();
            if (line.IsEmpty)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=')
            {
                error = $"line {lineNumber} is not of the form x=value";
                return false;
            }

            char type = line[0];
            var value = line[2..];
            switch (type)
            {
                case 'v' when current is null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int v))
                    {
                        error = "bad v= line";
                        return false;
                    }

                    version = v;
                    break;
                case 'o' when current is null:
                    if (!TryParseOrigin(value, out origin))
                    {
                        error = "bad o= line";
                        return false;
                    }

                    break;
                case 's' when current is null:
                    parsed.SessionName = SdpTokens.Get(value);
                    break;
                case 't' when current is null:
                    parsed.Timing = SdpTokens.Get(value);
                    break;
                case 'c':
                    if (!TryParseConnection(value, out var c))
                    {
                        error = $"bad c= line {lineNumber}";
                        return false;
                    }

                    if (current is null)
                    {
                        parsed.Connection = c;
                    }
                    else
                    {
                        current.Connection = c;
                    }

                    break;
                case 'a':
                    (current?.Attributes ?? attributes).Add(ParseAttribute(value));
                    break;
                case 'm':
                    if (!TryParseMedia(value, out current))
                    {
                        error = $"bad m= line {lineNumber}";
                        return false;
                    }

                    media.Add(current);
                    break;
                default:
                    (current?.OtherLines ?? others).Add(new(type, value.ToString()));
                    break;
            }
        }

        if (version != 0 || origin is null)
        {
            error = version is null ? "missing v= line" : origin is null ? "missing o= line" : "unsupported SDP version";
            return false;
        }

        parsed.Origin = origin;
        sdp = parsed;
        return true;
    }

    private static readonly SdpOrigin NoOrigin = new("-", 0, 0, "IN", "IP4", "0.0.0.0");

    private static SdpAttribute ParseAttribute(ReadOnlySpan<char> value)
    {
        int colon = value.IndexOf(':');
        return colon < 0
            ? SdpCommonAttributes.Get(SdpTokens.Get(value.Trim()))
            : SdpCommonAttributes.Get(SdpTokens.Get(value[..colon].Trim()), SdpTokens.Get(value[(colon + 1)..]));
    }

    private static bool TryParseOrigin(ReadOnlySpan<char> value, out SdpOrigin? origin)
    {
        origin = null;
        Span<Range> parts = stackalloc Range[7];
        if (value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries) != 6)
        {
            return false;
        }

        // Some phones put non-numeric or huge session ids here; treat those as 0 rather than fail the call.
        _ = ulong.TryParse(value[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out ulong id);
        _ = ulong.TryParse(value[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out ulong ver);
        origin = new SdpOrigin(SdpTokens.Get(value[parts[0]]), id, ver, SdpTokens.Get(value[parts[3]]), SdpTokens.Get(value[parts[4]]), value[parts[5]].ToString());
        return true;
    }

    private static bool TryParseConnection(ReadOnlySpan<char> value, out SdpConnection c)
    {
        c = null!;
        Span<Range> parts = stackalloc Range[4];
        if (value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries) != 3)
        {
            return false;
        }

        c = new SdpConnection(SdpTokens.Get(value[parts[0]]), SdpTokens.Get(value[parts[1]]), value[parts[2]].ToString());
        return true;
    }

    private static bool TryParseMedia(ReadOnlySpan<char> value, out SdpMediaDescription m)
    {
        m = null!;
        Span<Range> parts = stackalloc Range[64];
        int n = value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (n < 3)
        {
            return false;
        }

        var portText = value[parts[1]];
        int slash = portText.IndexOf('/');
        int? count = null;
        if (slash >= 0)
        {
            if (!int.TryParse(portText[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int pc))
            {
                return false;
            }

            count = pc;
            portText = portText[..slash];
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            return false;
        }

        m = new SdpMediaDescription { Media = SdpTokens.Get(value[parts[0]]), Port = port, PortCount = count, Protocol = SdpTokens.Get(value[parts[2]]) };
        for (int i = 3; i < n; i++)
        {
            m.Formats.Add(SdpTokens.Get(value[parts[i]]));
        }

        return true;
    }
}
