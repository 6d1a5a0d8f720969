using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>Session-level lines other than v, o, s, c, t, a, kept as type and value (made on first use: most bodies have none).</summary>
    public List<KeyValuePair<char, string>> OtherLines => _otherLines ??= [];

    private List<KeyValuePair<char, string>>? _otherLines;

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

    /// <summary>Parses a UTF-8 body as received (no string of the whole body is made).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out SdpSessionDescription sdp, out string? error)
    {
        using var text = new SdpUtf8Text(utf8, stackalloc char[SdpUtf8Text.StackLimit]);
        return SdpParser.TryParse(text.Chars, out sdp, out error);
    }

    public override string ToString()
    {
        // One pass into a stack buffer (pooled beyond it): the only allocation is the string itself.
        var sb = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[1024]);
        Write(ref sb);
        return sb.ToStringAndClear();
    }

    /// <summary>The body as UTF-8, written as <see cref="ToString"/> writes it (no string of it is made).</summary>
    public byte[] ToUtf8()
    {
        var sb = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[1024]);
        Write(ref sb);
        var bytes = new byte[Encoding.UTF8.GetByteCount(sb.Text)];
        Encoding.UTF8.GetBytes(sb.Text, bytes);
        sb.Clear();
        return bytes;
    }

    private void Write(ref DefaultInterpolatedStringHandler sb)
    {
        sb.AppendLiteral("v=");
        sb.AppendFormatted(Version);
        sb.AppendLiteral("\r\n");
        var o = Origin;
        sb.AppendLiteral("o=");
        sb.AppendLiteral(o.Username);
        sb.AppendLiteral(" ");
        sb.AppendFormatted(o.SessionId);
        sb.AppendLiteral(" ");
        sb.AppendFormatted(o.SessionVersion);
        sb.AppendLiteral(" ");
        sb.AppendLiteral(o.NetType);
        sb.AppendLiteral(" ");
        sb.AppendLiteral(o.AddressType);
        sb.AppendLiteral(" ");
        sb.AppendLiteral(o.Address);
        sb.AppendLiteral("\r\n");
        Line(ref sb, 's', SessionName);
        foreach (var l in CollectionsMarshal.AsSpan(_otherLines))
        {
            if (l.Key is 'i' or 'u' or 'e' or 'p')
            {
                Line(ref sb, l.Key, l.Value);
            }
        }

        if (Connection is not null)
        {
            ConnectionLine(ref sb, Connection);
        }

        foreach (var l in CollectionsMarshal.AsSpan(_otherLines))
        {
            if (l.Key == 'b')
            {
                Line(ref sb, l.Key, l.Value);
            }
        }

        Line(ref sb, 't', Timing);
        foreach (var l in CollectionsMarshal.AsSpan(_otherLines))
        {
            if (l.Key is not ('i' or 'u' or 'e' or 'p' or 'b'))
            {
                Line(ref sb, l.Key, l.Value);
            }
        }

        foreach (var a in Attributes)
        {
            AttributeLine(ref sb, a);
        }

        foreach (var m in Media)
        {
            sb.AppendLiteral("m=");
            sb.AppendLiteral(m.Media);
            sb.AppendLiteral(" ");
            sb.AppendFormatted(m.Port);
            if (m.PortCount is int count)
            {
                sb.AppendLiteral("/");
                sb.AppendFormatted(count);
            }

            sb.AppendLiteral(" ");
            sb.AppendLiteral(m.Protocol);
            foreach (string f in m.Formats)
            {
                sb.AppendLiteral(" ");
                sb.AppendLiteral(f);
            }

            sb.AppendLiteral("\r\n");
            foreach (var l in CollectionsMarshal.AsSpan(m.OtherLinesIfAny))
            {
                if (l.Key == 'i')
                {
                    Line(ref sb, l.Key, l.Value);
                }
            }

            if (m.Connection is not null)
            {
                ConnectionLine(ref sb, m.Connection);
            }

            foreach (var l in CollectionsMarshal.AsSpan(m.OtherLinesIfAny))
            {
                if (l.Key != 'i')
                {
                    Line(ref sb, l.Key, l.Value);
                }
            }

            foreach (var a in m.Attributes)
            {
                AttributeLine(ref sb, a);
            }
        }
    }

    private static void Line(ref DefaultInterpolatedStringHandler sb, char type, string value)
    {
        sb.AppendFormatted(type);
        sb.AppendLiteral("=");
        sb.AppendLiteral(value);
        sb.AppendLiteral("\r\n");
    }

    private static void ConnectionLine(ref DefaultInterpolatedStringHandler sb, SdpConnection c)
    {
        sb.AppendLiteral("c=");
        sb.AppendLiteral(c.NetType);
        sb.AppendLiteral(" ");
        sb.AppendLiteral(c.AddressType);
        sb.AppendLiteral(" ");
        sb.AppendLiteral(c.Address);
        sb.AppendLiteral("\r\n");
    }

    private static void AttributeLine(ref DefaultInterpolatedStringHandler sb, SdpAttribute a)
    {
        sb.AppendLiteral("a=");
        sb.AppendLiteral(a.Name);
        if (a.Value is not null)
        {
            sb.AppendLiteral(":");
            sb.AppendLiteral(a.Value);
        }

        sb.AppendLiteral("\r\n");
    }
}
