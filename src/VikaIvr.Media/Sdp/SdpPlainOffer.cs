using System.Globalization;
using System.Net;
using System.Text;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Sdp;

/// <summary>
/// The offer nearly every call brings, read straight from its text without the object graph of
/// <see cref="SdpParser"/>: one plain RTP/AVP(F) audio stream, ASCII only, no a=crypto. Each read
/// follows the full parser's rules and <see cref="SdpAudioReader"/>'s (the same checks of every line,
/// the first attribute of a name, the last c= line of a level); anything else is left to them
/// (<see cref="TryRead"/> false), so an offer is answered the same either way.
/// </summary>
internal readonly ref struct SdpPlainOffer
{
    private readonly ReadOnlySpan<char> _text;
    private readonly int _mediaLine;      // where the m= line starts: the session level ends there
    private readonly int _sectionStart;   // where the m= section's own lines start

    private SdpPlainOffer(ReadOnlySpan<char> text, int mediaLine, int sectionStart, ReadOnlySpan<char> mediaValue)
    {
        _text = text;
        _mediaLine = mediaLine;
        _sectionStart = sectionStart;
        MediaValue = mediaValue;
    }

    /// <summary>The m= line's value ("audio 4000 RTP/AVP 0 8 101").</summary>
    public ReadOnlySpan<char> MediaValue { get; }

    /// <summary>The offer's RTP port (from the m= line).</summary>
    public int Port => int.Parse(PortText(MediaValue), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The profile as written ("RTP/AVP" or "RTP/AVPF").</summary>
    public ReadOnlySpan<char> Protocol
    {
        get
        {
            Span<Range> parts = stackalloc Range[4];
            MediaValue.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
            return MediaValue[parts[2]];
        }
    }

    /// <summary>Reads <paramref name="text"/>; false when it is not such an offer (or not valid SDP): parse it in full.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out SdpPlainOffer offer)
    {
        offer = default;
        if (!Ascii.IsValid(text))
        {
            return false;
        }

        int? version = null;
        bool origin = false;
        int mediaLine = -1;
        int sectionStart = -1;
        ReadOnlySpan<char> mediaValue = default;
        Span<Range> parts = stackalloc Range[7];
        foreach (var rawLine in text.EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.IsEmpty)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=')
            {
                return false;
            }

            var value = line[2..];
            bool inMedia = mediaLine >= 0;
            switch (line[0])
            {
                case 'v' when !inMedia:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int v))
                    {
                        return false;
                    }

                    version = v;
                    break;
                case 'o' when !inMedia:
                    if (Count(value, parts) != 6)
                    {
                        return false;
                    }

                    origin = true;
                    break;
                case 'c':
                    if (Count(value, parts[..4]) != 3)
                    {
                        return false;
                    }

                    break;
                case 'a' when inMedia:
                    if (Name(value, out _).Equals(SdesCryptoName, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    break;
                case 'm':
                    if (inMedia || !IsPlainAudio(value))
                    {
                        return false;
                    }

                    _ = text.Overlaps(rawLine, out mediaLine);
                    sectionStart = mediaLine + rawLine.Length;
                    mediaValue = value;
                    break;
            }
        }

        if (version != 0 || !origin || mediaLine < 0)
        {
            return false;
        }

        offer = new SdpPlainOffer(text, mediaLine, sectionStart, mediaValue);
        return true;
    }

    /// <summary>As <see cref="SdpAudioReader.TryPickCodec"/>: the first format, in the offer's order, whose codec is acceptable.</summary>
    public bool TryPickCodec(IList<RtpAudioCodec> acceptable, out RtpAudioCodec codec)
    {
        Span<Range> parts = stackalloc Range[64];
        int n = MediaValue.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 3; i < n; i++)
        {
            if (int.TryParse(MediaValue[parts[i]], NumberStyles.None, CultureInfo.InvariantCulture, out int pt) && pt <= 127
                && TryCodecOf(pt, out codec) && acceptable.Contains(codec))
            {
                return true;
            }
        }

        codec = default;
        return false;
    }

    /// <summary>As <see cref="SdpAudioReader.FindTelephoneEvent"/>.</summary>
    public int? FindTelephoneEvent()
    {
        Span<Range> parts = stackalloc Range[64];
        int n = MediaValue.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 3; i < n; i++)
        {
            if (int.TryParse(MediaValue[parts[i]], NumberStyles.None, CultureInfo.InvariantCulture, out int pt) && pt >= 96 && pt <= 127
                && FindFormatAttribute("rtpmap", pt, out var map) && map.StartsWith("telephone-event/8000", StringComparison.OrdinalIgnoreCase))
            {
                return pt;
            }
        }

        return null;
    }

    /// <summary>As <see cref="SdpAudioReader.ReadPtime"/>.</summary>
    public int ReadPtime(int defaultPtime)
    {
        if ((FindAttribute("ptime", media: true, out var text) || FindAttribute("ptime", media: false, out text))
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && p >= 10 && p <= 40)
        {
            return (int)p;
        }

        return defaultPtime;
    }

    /// <summary>As <see cref="SdpAudioReader.ReadDirection"/>.</summary>
    public SdpDirection ReadDirection() => FindDirection(media: true) ?? FindDirection(media: false) ?? SdpDirection.SendRecv;

    /// <summary>As <see cref="SdpAudioReader.ReadSsrc"/>.</summary>
    public uint? ReadSsrc()
    {
        if (!FindAttribute("ssrc", media: true, out var text))
        {
            return null;
        }

        int end = text.IndexOf(' ');
        return uint.TryParse(end < 0 ? text : text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out uint ssrc) && ssrc != 0 ? ssrc : null;
    }

    /// <summary>As <see cref="SdpAudioReader.TryReadEndPoint"/>: the section's c= line, else the session's (the last of each).</summary>
    public bool TryReadEndPoint(out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (!FindConnectionAddress(media: true, out var address) && !FindConnectionAddress(media: false, out address))
        {
            return false;
        }

        int slash = address.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? address : address[..slash], out var ip))
        {
            return false;
        }

        if (!ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
        {
            endPoint = new IPEndPoint(ip, Port);
        }

        return true;
    }

    private const string SdesCryptoName = "crypto";

    private static int Count(ReadOnlySpan<char> value, Span<Range> parts) => value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);

    private static ReadOnlySpan<char> PortText(ReadOnlySpan<char> mediaValue)
    {
        Span<Range> parts = stackalloc Range[4];
        mediaValue.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        var port = mediaValue[parts[1]];
        int slash = port.IndexOf('/');
        return slash < 0 ? port : port[..slash];
    }

    /// <summary>An m= line as the parser takes it, of a usable plain audio stream (<see cref="SdpAudioReader.IsUsableAudio"/>).</summary>
    private static bool IsPlainAudio(ReadOnlySpan<char> value)
    {
        Span<Range> parts = stackalloc Range[64];
        int n = value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (n < 3 || n >= parts.Length)
        {
            return false;
        }

        var portText = value[parts[1]];
        int slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(portText[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }

            portText = portText[..slash];
        }

        var protocol = value[parts[2]];
        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535
            && value[parts[0]].Equals("audio", StringComparison.OrdinalIgnoreCase)
            && (protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase) || protocol.Equals("RTP/AVPF", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An a= line's name as the parser splits it; <paramref name="value"/> is what follows the first ':' (false: a property attribute).</summary>
    private static ReadOnlySpan<char> Name(ReadOnlySpan<char> line, out bool hasValue)
    {
        int colon = line.IndexOf(':');
        hasValue = colon >= 0;
        return colon < 0 ? line.Trim() : line[..colon].Trim();
    }

    private ReadOnlySpan<char> Level(bool media) => media ? _text[_sectionStart..] : _text[.._mediaLine];

    /// <summary>The first value attribute of that name at the level ("" for a property attribute, as <see cref="SdpMediaDescription.GetAttribute"/>).</summary>
    private bool FindAttribute(string name, bool media, out ReadOnlySpan<char> value)
    {
        foreach (var rawLine in Level(media).EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.Length >= 2 && line[0] == 'a' && Name(line[2..], out bool hasValue).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = hasValue ? line[(line.IndexOf(':') + 1)..] : [];
                return true;
            }
        }

        value = default;
        return false;
    }

    private SdpDirection? FindDirection(bool media)
    {
        foreach (var rawLine in Level(media).EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.Length < 2 || line[0] != 'a')
            {
                continue;
            }

            var name = Name(line[2..], out bool hasValue);
            if (!hasValue)
            {
                foreach (var d in Directions)
                {
                    if (name.Equals(d.ToAttributeName(), StringComparison.OrdinalIgnoreCase))
                    {
                        return d;
                    }
                }
            }
        }

        return null;
    }

    private static ReadOnlySpan<SdpDirection> Directions => [SdpDirection.SendRecv, SdpDirection.SendOnly, SdpDirection.RecvOnly, SdpDirection.Inactive];

    /// <summary>The last c= line's address at the level.</summary>
    private bool FindConnectionAddress(bool media, out ReadOnlySpan<char> address)
    {
        address = default;
        bool found = false;
        Span<Range> parts = stackalloc Range[4];
        foreach (var rawLine in Level(media).EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.Length >= 2 && line[0] == 'c')
            {
                var value = line[2..];
                value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
                address = value[parts[2]];
                found = true;
            }
        }

        return found;
    }

    /// <summary>As <see cref="SdpMediaDescription.FindFormatAttribute"/> over the section's a= lines.</summary>
    private bool FindFormatAttribute(string name, int payloadType, out ReadOnlySpan<char> found)
    {
        foreach (var rawLine in Level(media: true).EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.Length < 2 || line[0] != 'a' || !Name(line[2..], out bool hasValue).Equals(name, StringComparison.OrdinalIgnoreCase) || !hasValue)
            {
                continue;
            }

            if (SdpMediaDescription.TryFormatValue(line[(line.IndexOf(':') + 1)..], payloadType, out found))
            {
                return true;
            }
        }

        found = default;
        return false;
    }

    private bool TryCodecOf(int pt, out RtpAudioCodec codec)
        => SdpAudioReader.TryCodecOf(pt, FindFormatAttribute("rtpmap", pt, out var map), map, out codec);
}
