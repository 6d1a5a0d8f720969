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
        string sessionName = "-";
        SdpConnection? connection = null;
        string timing = "0 0";
        var attributes = new List<SdpAttribute>();
        var others = new List<KeyValuePair<char, string>>();
        var media = new List<SdpMediaDescription>();
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
                    sessionName = value.ToString();
                    break;
                case 't' when current is null:
                    timing = value.ToString();
                    break;
                case 'c':
                    if (!TryParseConnection(value, out var c))
                    {
                        error = $"bad c= line {lineNumber}";
                        return false;
                    }

                    if (current is null)
                    {
                        connection = c;
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

        sdp = new SdpSessionDescription { Version = 0, Origin = origin, SessionName = sessionName, Connection = connection, Timing = timing };
        sdp.Attributes.AddRange(attributes);
        sdp.OtherLines.AddRange(others);
        sdp.Media.AddRange(media);
        return true;
    }

    private static SdpAttribute ParseAttribute(ReadOnlySpan<char> value)
    {
        int colon = value.IndexOf(':');
        return colon < 0
            ? new SdpAttribute(value.Trim().ToString())
            : new SdpAttribute(value[..colon].Trim().ToString(), value[(colon + 1)..].ToString());
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
        origin = new SdpOrigin(value[parts[0]].ToString(), id, ver, value[parts[3]].ToString(), value[parts[4]].ToString(), value[parts[5]].ToString());
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

        c = new SdpConnection(value[parts[0]].ToString(), value[parts[1]].ToString(), value[parts[2]].ToString());
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

        m = new SdpMediaDescription { Media = value[parts[0]].ToString(), Port = port, PortCount = count, Protocol = value[parts[2]].ToString() };
        for (int i = 3; i < n; i++)
        {
            m.Formats.Add(value[parts[i]].ToString());
        }

        return true;
    }
}
