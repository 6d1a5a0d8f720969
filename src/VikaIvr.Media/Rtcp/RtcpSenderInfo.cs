namespace VikaIvr.Media.Rtcp;

/// <summary>The sender-info part of an SR (RFC 3550 6.4.1).</summary>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>The middle 32 bits of the NTP timestamp, echoed back as LSR in report blocks.</summary>
    public uint CompactNtp => (uint)(NtpTimestamp >> 16);
}
