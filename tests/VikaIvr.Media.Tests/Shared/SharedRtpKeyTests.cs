using System.Net;
using System.Net.Sockets;
using VikaIvr.Media.Shared;

namespace VikaIvr.Media.Tests.Shared;

/// <summary>An SDP endpoint's key is the key of the packets that sender sends (IPv4 keyed as its IPv4-mapped IPv6 address).</summary>
public sealed class SharedRtpKeyTests
{
    [Theory]
    [InlineData("192.0.2.10", 40000, "192.0.2.10")]
    [InlineData("::ffff:192.0.2.10", 40000, "192.0.2.10")]
    [InlineData("192.0.2.10", 40000, "::ffff:192.0.2.10")]
    [InlineData("2001:db8::7", 5004, "2001:db8::7")]
    public void An_sdp_end_point_keys_as_the_packets_from_it(string sdpAddress, int port, string senderAddress)
    {
        var sender = new IPEndPoint(IPAddress.Parse(senderAddress), port);
        var fromSdp = SharedRtpKey.From(new IPEndPoint(IPAddress.Parse(sdpAddress), port), 1234);

        Assert.True(SharedRtpKey.TryFrom(sender.Serialize(), 1234, out var fromPacket));
        Assert.Equal(fromPacket, fromSdp);
    }

    [Fact]
    public void Other_senders_key_apart()
    {
        var key = SharedRtpKey.From(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40000), 0);

        Assert.NotEqual(key, SharedRtpKey.From(new IPEndPoint(IPAddress.Parse("192.0.2.11"), 40000), 0));
        Assert.NotEqual(key, SharedRtpKey.From(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40002), 0));
        Assert.NotEqual(key, SharedRtpKey.From(new IPEndPoint(IPAddress.Parse("::192.0.2.10"), 40000), 0));
        Assert.Equal(AddressFamily.InterNetworkV6, IPAddress.Parse("::192.0.2.10").AddressFamily);
    }
}
