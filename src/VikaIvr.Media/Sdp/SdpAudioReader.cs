using System.Globalization;
using System.Net;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Sdp;

/// <summary>Reads the parts of a peer's audio m= section that offer/answer needs.</summary>
internal static class SdpAudioReader
{
    public static bool IsUsableAudio(SdpMediaDescription m)
        => m.Port != 0
           && string.Equals(m.Media, "audio", StringComparison.OrdinalIgnoreCase)
           && (string.Equals(m.Protocol, "RTP/AVP", StringComparison.OrdinalIgnoreCase)
               || string.Equals(m.Protocol, "RTP/AVPF", StringComparison.OrdinalIgnoreCase)
               || IsSecureProfile(m));

    /// <summary>RTP/SAVP or RTP/SAVPF (RFC 3711 12, RFC 5124): SRTP or nothing.</summary>
    public static bool IsSecureProfile(SdpMediaDescription m)
        => string.Equals(m.Protocol, "RTP/SAVP", StringComparison.OrdinalIgnoreCase)
           || string.Equals(m.Protocol, "RTP/SAVPF", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first format (in the peer's order) whose codec is acceptable.</summary>
    public static bool TryPickCodec(SdpMediaDescription m, IList<RtpAudioCodec> acceptable, out RtpAudioCodec codec, out int payloadType)
    {
        foreach (string f in m.Formats)
        {
            if (!int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || pt > 127)
            {
                continue;
            }

            if (TryCodecOf(m, pt, out codec) && acceptable.Contains(codec))
            {
                payloadType = pt;
                return true;
            }
        }

        codec = default;
        payloadType = -1;
        return false;
    }

    /// <summary>The telephone-event payload type at 8 kHz the peer lists (any dynamic number), or null.</summary>
    public static int? FindTelephoneEvent(SdpMediaDescription m)
    {
        foreach (string f in m.Formats)
        {
            if (!int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || pt < 96 || pt > 127)
            {
                continue;
            }

            if (m.FindFormatAttribute("rtpmap", pt, out var map) && map.StartsWith("telephone-event/8000", StringComparison.OrdinalIgnoreCase))
            {
                return pt;
            }
        }

        return null;
    }

    /// <summary>The first SSRC the stream announces (a=ssrc:ID attribute, RFC 5576), or null; 0 is not a usable one.</summary>
    public static uint? ReadSsrc(SdpMediaDescription m)
    {
        string? text = m.GetAttribute("ssrc");
        if (text is null)
        {
            return null;
        }

        int end = text.IndexOf(' ', StringComparison.Ordinal);
        return uint.TryParse(end < 0 ? text : text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out uint ssrc) && ssrc != 0 ? ssrc : null;
    }

    public static int ReadPtime(SdpSessionDescription sdp, SdpMediaDescription m, int defaultPtime)
    {
        string? text = m.GetAttribute("ptime") ?? sdp.GetAttribute("ptime");
        // Some phones send fractional ptime ("20.0"); the integer part is what matters.
        if (text is not null && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double p)
            && p >= 10 && p <= 40)
        {
            return (int)p;
        }

        return defaultPtime;
    }

    public static SdpDirection ReadDirection(SdpSessionDescription sdp, SdpMediaDescription m)
        => m.Direction ?? sdp.Direction ?? SdpDirection.SendRecv;

    /// <summary>The RTP endpoint, null for the 0.0.0.0 hold form; false when no c= line applies.</summary>
    public static bool TryReadEndPoint(SdpSessionDescription sdp, SdpMediaDescription m, out IPEndPoint? endPoint)
    {
        endPoint = null;
        var c = m.Connection ?? sdp.Connection;
        if (c is null || !c.TryGetAddress(out var address))
        {
            return false;
        }

        // The hold form (0.0.0.0 or ::) read from the address parsed above, not parsed again.
        if (!address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any))
        {
            endPoint = new IPEndPoint(address, m.Port);
        }

        return true;
    }

    private static bool TryCodecOf(SdpMediaDescription m, int pt, out RtpAudioCodec codec)
        => TryCodecOf(pt, m.FindFormatAttribute("rtpmap", pt, out var map), map, out codec);

    /// <summary>
    /// The codec of payload type <paramref name="pt"/>: by its a=rtpmap value (<paramref name="map"/>,
    /// when <paramref name="mapped"/>), else the static types 0 (PCMU) and 8 (PCMA). One rule for both readers.
    /// </summary>
    internal static bool TryCodecOf(int pt, bool mapped, ReadOnlySpan<char> map, out RtpAudioCodec codec)
    {
        if (!mapped)
        {
            codec = (RtpAudioCodec)pt;
            return pt is 0 or 8;
        }

        if (map.StartsWith("PCMU/8000", StringComparison.OrdinalIgnoreCase))
        {
            codec = RtpAudioCodec.Pcmu;
            return true;
        }

        if (map.StartsWith("PCMA/8000", StringComparison.OrdinalIgnoreCase))
        {
            codec = RtpAudioCodec.Pcma;
            return true;
        }

        codec = default;
        return false;
    }
}
