using System.Net;
using VikaIvr.Media.Sdp;

namespace VikaIvr.Media.Tests.Sdp;

public class SdpAddressReuseTests
{
    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.0.1")]
    [InlineData("010.0.0.1")]      // octal to IPAddress: read as it reads it
    [InlineData("0x7f.0.0.1")]
    [InlineData("127.1")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.")]
    [InlineData("1..2.3")]
    [InlineData("1234.0.0.1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("host.example")]
    [InlineData("")]
    public void Reads_every_address_as_IPAddress_does(string text)
    {
        var reuse = new SdpAddressReuse();
        bool expected = IPAddress.TryParse(text, out var parsed);
        Assert.Equal(expected, reuse.TryParse(text, out var address));
        Assert.Equal(parsed, address);
        // Again, now that it may be the one kept.
        Assert.Equal(expected, reuse.TryParse(text, out address));
        Assert.Equal(parsed, address);
    }

    [Fact]
    public void The_same_plain_IPv4_address_is_handed_out_again_and_another_replaces_it()
    {
        var reuse = new SdpAddressReuse();
        Assert.True(reuse.TryParse("192.0.2.10", out var first));
        Assert.True(reuse.TryParse("192.0.2.10", out var again));
        Assert.Same(first, again);
        Assert.True(reuse.TryParse("192.0.2.11", out var other));
        Assert.Equal(IPAddress.Parse("192.0.2.11"), other);
        Assert.True(reuse.TryParse("192.0.2.10", out var back));
        Assert.Equal(first, back);
        Assert.NotSame(first, back);
    }
}
