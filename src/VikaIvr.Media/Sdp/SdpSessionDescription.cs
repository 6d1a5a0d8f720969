using System.Text;

namespace VikaIvr.Media.Sdp;

/// <summary>
/// A parsed SDP body (RFC 4566). Parsing is lenient about what it does not use (unknown lines
/// are kept) and strict about what it does (v=, o=, m=); serializing writes CRLF lines in the
/// order RFC 4566 prescribes.
/// </summary>
public sealed class SdpSessionDescription
{
    public int Version { get; set; }

    public required SdpOrigin Origin { get; set; }

    public string SessionName { get; set; } = "-";

    public SdpConnection? Connection { get; set; }

    public string Timing { get; set; } = "0 0";

    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>Session-level lines other than v, o, s, c, t, a, kept as type and value.</summary>
    public List<KeyValuePair<char, string>> OtherLines { get; } = [];

    public List<SdpMediaDescription> Media { get; } = [];

    public SdpDirection? Direction => SdpDirections.Find(Attributes);

    public string? GetAttribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return a.Value ?? "";
            }
        }

        return null;
    }

    public static SdpSessionDescription Parse(string text)
        => TryParse(text, out var sdp, out string? error) ? sdp : throw new FormatException($"Invalid SDP: {error}");

    public static bool TryParse(string text, out SdpSessionDescription sdp, out string? error)
        => SdpParser.TryParse(text, out sdp, out error);

    public override string ToString()
    {
        // Written straight into one builder: no string per line, attribute, o= or c= line.
        var sb = new StringBuilder(512);
        sb.Append("v=").Append(Version).Append("\r\n");
        var o = Origin;
        sb.Append("o=").Append(o.Username).Append(' ').Append(o.SessionId).Append(' ').Append(o.SessionVersion).Append(' ')
            .Append(o.NetType).Append(' ').Append(o.AddressType).Append(' ').Append(o.Address).Append("\r\n");
        Line(sb, 's', SessionName);
        foreach (var l in OtherLines)
        {
            if (l.Key is 'i' or 'u' or 'e' or 'p')
            {
                Line(sb, l.Key, l.Value);
            }
        }

        if (Connection is not null)
        {
            ConnectionLine(sb, Connection);
        }

        foreach (var l in OtherLines)
        {
            if (l.Key == 'b')
            {
                Line(sb, l.Key, l.Value);
            }
        }

        Line(sb, 't', Timing);
        foreach (var l in OtherLines)
        {
            if (l.Key is not ('i' or 'u' or 'e' or 'p' or 'b'))
            {
                Line(sb, l.Key, l.Value);
            }
        }

        foreach (var a in Attributes)
        {
            AttributeLine(sb, a);
        }

        foreach (var m in Media)
        {
            sb.Append("m=").Append(m.Media).Append(' ').Append(m.Port);
            if (m.PortCount is int count)
            {
                sb.Append('/').Append(count);
            }

            sb.Append(' ').Append(m.Protocol);
            foreach (string f in m.Formats)
            {
                sb.Append(' ').Append(f);
            }

            sb.Append("\r\n");
            foreach (var l in m.OtherLines)
            {
                if (l.Key == 'i')
                {
                    Line(sb, l.Key, l.Value);
                }
            }

            if (m.Connection is not null)
            {
                ConnectionLine(sb, m.Connection);
            }

            foreach (var l in m.OtherLines)
            {
                if (l.Key != 'i')
                {
                    Line(sb, l.Key, l.Value);
                }
            }

            foreach (var a in m.Attributes)
            {
                AttributeLine(sb, a);
            }
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, char type, string value) => sb.Append(type).Append('=').Append(value).Append("\r\n");

    private static void ConnectionLine(StringBuilder sb, SdpConnection c) =>
        sb.Append("c=").Append(c.NetType).Append(' ').Append(c.AddressType).Append(' ').Append(c.Address).Append("\r\n");

    private static void AttributeLine(StringBuilder sb, SdpAttribute a)
    {
        sb.Append("a=").Append(a.Name);
        if (a.Value is not null)
        {
            sb.Append(':').Append(a.Value);
        }

        sb.Append("\r\n");
    }
}
