namespace VikaIvr.Media.Sdp;

/// <summary>
/// The RFC 4566 direction attributes, from the point of view of the side that wrote them. One byte,
/// as <see cref="Rtp.RtpAudioCodec"/>: with it the <see cref="NegotiatedMedia"/> every call makes fits 8 bytes smaller.
/// </summary>
public enum SdpDirection : byte
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
