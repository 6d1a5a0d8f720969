namespace VikaIvr.Media.Rtp;

/// <summary>The audio codecs VikaIvr speaks; values are their static RTP payload types (RFC 3551).</summary>
public enum RtpAudioCodec : byte
{
    Pcmu = 0,
    Pcma = 8,
}
