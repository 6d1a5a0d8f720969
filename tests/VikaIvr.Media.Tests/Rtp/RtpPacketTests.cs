using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Tests.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void Simple_packet_round_trips()
    {
        var header = new RtpHeader { Marker = true, PayloadType = 8, SequenceNumber = 65535, Timestamp = 0xDEADBEEF, Ssrc = 0x01020304 };
        byte[] payload = [1, 2, 3, 4, 5];
        var buffer = new byte[64];
        int n = RtpPacketWriter.Write(buffer, header, payload);

        Assert.Equal(17, n);
        Assert.Equal(0x80, buffer[0]);
        Assert.Equal(0x88, buffer[1]);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, n), out var p));
        Assert.True(p.Header.Marker);
        Assert.Equal(8, p.Header.PayloadType);
        Assert.Equal(65535, p.Header.SequenceNumber);
        Assert.Equal(0xDEADBEEF, p.Header.Timestamp);
        Assert.Equal(0x01020304u, p.Header.Ssrc);
        Assert.Equal(payload, p.Payload.ToArray());
    }

    [Fact]
    public void Csrc_extension_and_padding_round_trip()
    {
        var header = new RtpHeader { PayloadType = 0, SequenceNumber = 7, Timestamp = 160, Ssrc = 9 };
        uint[] csrcs = [11, 22];
        byte[] ext = [0xA, 0xB, 0xC, 0xD, 1, 2, 3, 4];
        byte[] payload = [9, 8, 7];
        var buffer = new byte[100];
        int n = RtpPacketWriter.Write(buffer, header, csrcs, 0xBEDE, ext, payload, padding: 5);

        Assert.Equal(12 + 8 + 4 + 8 + 3 + 5, n);
        Assert.Equal(5, buffer[n - 1]);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, n), out var p));
        Assert.True(p.Header.Padding);
        Assert.True(p.Header.Extension);
        Assert.Equal(2, p.Header.CsrcCount);
        Assert.Equal(22u, p.GetCsrc(1));
        Assert.Equal(0xBEDE, p.ExtensionProfile);
        Assert.Equal(ext, p.ExtensionData.ToArray());
        Assert.Equal(payload, p.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0, 1 })]                                             // too short
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 })]                     // version 1
    [InlineData(new byte[] { 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 })]                     // CSRC missing
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9 })]               // padding > payload
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5 })]         // extension overruns
    public void Malformed_packets_are_rejected(byte[] data)
    {
        Assert.False(RtpPacket.TryParse(data, out _));
    }
}
