using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Session;

/// <summary>
/// Sees each accepted RTP packet of a session undecoded (audio and telephone-event), on the receive
/// thread, before any decoding: for measuring arrival timing and matching G.711 payloads without
/// turning them into samples. The payload is only valid during the call. Must be quick and must
/// not allocate.
/// </summary>
public interface IMediaPacketListener
{
    /// <param name="header">The packet's RTP header.</param>
    /// <param name="payload">Its payload as sent.</param>
    /// <param name="receivedAtNs">The kernel's receive time in ns since the epoch when the media
    /// receiver takes kernel timestamps, else 0.</param>
    void OnPacket(in RtpHeader header, ReadOnlySpan<byte> payload, long receivedAtNs);
}
