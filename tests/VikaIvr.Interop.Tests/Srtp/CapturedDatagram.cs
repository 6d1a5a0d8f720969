namespace VikaIvr.Interop.Tests.Srtp;

/// <summary>One UDP datagram seen on the loopback.</summary>
public sealed record CapturedDatagram(int SourcePort, int DestinationPort, byte[] Payload)
{
    /// <summary>RTP version 2 with a payload type below 96 or the usual event type: RTP or SRTP (the header is clear in both).</summary>
    public bool LooksLikeRtp => Payload.Length >= 12 && Payload[0] >> 6 == 2 && (Payload[1] & 0x7F) is < 72 or > 76;

    public int PayloadType => Payload[1] & 0x7F;
}
