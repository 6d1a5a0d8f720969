using VikaIvr.Media.Rtcp;

namespace VikaIvr.Fuzz.Targets;

/// <summary>
/// A received datagram as compound RTCP, read the way the media session reads it plus every view.
/// A report block past the packet's end is refused with InvalidOperationException (documented).
/// </summary>
internal sealed class RtcpTarget : IFuzzTarget
{
    public string Name => "rtcp";

    public string Covers => "RtcpCompoundReader + RtcpPacket (sender info, report blocks, BYE reason)";

    public void Run(ReadOnlySpan<byte> input)
    {
        _ = RtcpCompoundReader.LooksLikeRtcp(input);
        var reader = new RtcpCompoundReader(input);
        while (reader.TryReadNext(out var packet))
        {
            _ = (packet.Count, packet.Length, packet.Ssrc, packet.Raw.Length);
            switch (packet.Type)
            {
                case RtcpPacketType.SenderReport when packet.Length >= 28:
                    _ = packet.SenderInfo.CompactNtp;
                    ReportBlocks(packet);
                    break;
                case RtcpPacketType.ReceiverReport:
                    ReportBlocks(packet);
                    break;
                case RtcpPacketType.Bye:
                    _ = packet.ByeReason.Length;
                    break;
            }
        }
    }

    private static void ReportBlocks(RtcpPacket packet)
    {
        for (var i = 0; i < packet.Count; i++)
        {
            try
            {
                _ = packet.GetReportBlock(i).FractionLost;
            }
            catch (InvalidOperationException)
            {
                return;
            }
        }
    }
}
