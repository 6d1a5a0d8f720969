using System.Text;
using VikaIvr.Media.Rtcp;

namespace VikaIvr.Media.Tests.Rtcp;

public class RtcpPacketTests
{
    [Fact]
    public void Compound_sr_sdes_bye_round_trips()
    {
        var buffer = new byte[256];
        var info = new RtcpSenderInfo(0x0123456789ABCDEF, 16000, 100, 16000);
        RtcpReportBlock[] blocks = [new(0xCAFE, 25, -3, 70000, 42, 0x11112222, 655)];
        int n = RtcpWriter.WriteSenderReport(buffer, 0xAA, info, blocks);
        n += RtcpWriter.WriteSourceDescription(buffer.AsSpan(n), 0xAA, "vika@host"u8);
        n += RtcpWriter.WriteBye(buffer.AsSpan(n), 0xAA, "hangup"u8);
        Assert.Equal(0, n % 4);

        var reader = new RtcpCompoundReader(buffer.AsSpan(0, n));
        Assert.True(reader.TryReadNext(out var sr));
        Assert.Equal(RtcpPacketType.SenderReport, sr.Type);
        Assert.Equal(0xAAu, sr.Ssrc);
        Assert.Equal(info, sr.SenderInfo);
        Assert.Equal(1, sr.Count);
        Assert.Equal(blocks[0], sr.GetReportBlock(0));

        Assert.True(reader.TryReadNext(out var sdes));
        Assert.Equal(RtcpPacketType.SourceDescription, sdes.Type);
        Assert.Equal("vika@host", Encoding.UTF8.GetString(sdes.Raw.Slice(10, sdes.Raw[9])));

        Assert.True(reader.TryReadNext(out var bye));
        Assert.Equal(RtcpPacketType.Bye, bye.Type);
        Assert.Equal("hangup", Encoding.UTF8.GetString(bye.ByeReason));
        Assert.False(reader.TryReadNext(out _));
        Assert.True(RtcpCompoundReader.LooksLikeRtcp(buffer));
    }

    [Fact]
    public void Receiver_report_round_trips()
    {
        var buffer = new byte[64];
        int n = RtcpWriter.WriteReceiverReport(buffer, 5, [new(7, 0, 12, 1000, 3, 0, 0)]);
        Assert.Equal(32, n);
        var reader = new RtcpCompoundReader(buffer.AsSpan(0, n));
        Assert.True(reader.TryReadNext(out var rr));
        Assert.Equal(RtcpPacketType.ReceiverReport, rr.Type);
        Assert.Equal(12, rr.GetReportBlock(0).CumulativeLost);
    }

    [Fact]
    public void Truncated_compound_stops()
    {
        var buffer = new byte[64];
        int n = RtcpWriter.WriteReceiverReport(buffer, 5, [new(7, 0, 12, 1000, 3, 0, 0)]);
        var reader = new RtcpCompoundReader(buffer.AsSpan(0, n - 4));
        Assert.False(reader.TryReadNext(out _));
    }
}
