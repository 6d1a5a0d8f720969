using System.Net;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Sdp;

/// <summary>What offer/answer settled for the audio stream, from our side's point of view.</summary>
/// <param name="Codec">The codec we send and expect.</param>
/// <param name="TelephoneEventPayloadType">The RFC 4733 payload type both sides use, or null when not negotiated.</param>
/// <param name="PtimeMs">Packet time we send with (10–40 ms).</param>
/// <param name="RemoteEndPoint">Where the peer asked for RTP, or null when it gave no usable address (hold 0.0.0.0).</param>
/// <param name="Direction">Our direction: whether we may send and whether we should expect audio.</param>
public sealed record NegotiatedMedia(
    RtpAudioCodec Codec,
    int? TelephoneEventPayloadType,
    int PtimeMs,
    IPEndPoint? RemoteEndPoint,
    SdpDirection Direction)
{
    public byte CodecPayloadType => (byte)Codec;

    /// <summary>The SDES keys when the stream is SRTP; null for plain RTP.</summary>
    public SrtpPolicy? Srtp { get; init; }

    /// <summary>The peer's RTP SSRC when its SDP announced one (a=ssrc, RFC 5576): what tells its packets apart on a shared port.</summary>
    public uint? RemoteSsrc { get; init; }

    /// <summary>True when the peer put us on hold (we must not send).</summary>
    public bool IsHeld => !Direction.Sends() || RemoteEndPoint is null;

    /// <summary>The RTCP endpoint: RTP port + 1 (no a=rtcp / rtcp-mux support yet).</summary>
    public IPEndPoint? RemoteRtcpEndPoint => RemoteEndPoint is null ? null : new IPEndPoint(RemoteEndPoint.Address, RemoteEndPoint.Port + 1);
}
