using VikaIvr.Media.Sdp;

namespace VikaIvr.Media.Tests.Sdp;

public class SdpParseTests
{
    [Fact]
    public void Parses_baresip_offer()
    {
        var sdp = SdpSessionDescription.Parse(SdpSamples.Baresip);
        Assert.Equal("-", sdp.Origin.Username);
        Assert.Equal(1823453281UL, sdp.Origin.SessionVersion);
        Assert.Equal("192.168.1.20", sdp.Connection!.Address);
        var m = Assert.Single(sdp.Media);
        Assert.Equal(10358, m.Port);
        Assert.Equal(["111", "9", "0", "8", "101"], m.Formats);
        Assert.Equal("telephone-event/8000", m.GetFormatAttribute("rtpmap", 101));
        Assert.Equal("0-15", m.GetFormatAttribute("fmtp", 101));
        Assert.Equal(SdpDirection.SendRecv, m.Direction);
        Assert.Equal("AS:128", Assert.Single(m.OtherLines).Value);
    }

    [Fact]
    public void Parses_lf_only_lines_and_ipv6()
    {
        var carrier = SdpSessionDescription.Parse(SdpSamples.Carrier);
        Assert.Equal("SBC call", carrier.SessionName);
        Assert.Equal("30", carrier.Media[0].GetAttribute("ptime"));
        var v6 = SdpSessionDescription.Parse(SdpSamples.Ipv6);
        Assert.True(v6.Connection!.TryGetAddress(out var a));
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, a.AddressFamily);
    }

    [Fact]
    public void Serialize_then_parse_round_trips()
    {
        var sdp = SdpSessionDescription.Parse(SdpSamples.Baresip);
        string text = sdp.ToString();
        Assert.DoesNotContain("\n\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var again = SdpSessionDescription.Parse(text);
        Assert.Equal(text, again.ToString());
        Assert.Equal(sdp.Media[0].Attributes.Count, again.Media[0].Attributes.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("o=x 1 1 IN IP4 1.2.3.4\r\n")]
    [InlineData("v=0\r\ns=-\r\n")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\nm=audio notaport RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ngarbage\r\n")]
    public void Rejects_malformed(string text)
    {
        Assert.False(SdpSessionDescription.TryParse(text, out _, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
