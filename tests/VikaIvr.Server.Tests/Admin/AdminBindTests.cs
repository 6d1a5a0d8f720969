using System.Net;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Admin;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Tests.Admin;

/// <summary>Admin:Bind: HOST:PORT with an IP address (port 0 = any free port), empty = off; anything else refused naming the key.</summary>
public sealed class AdminBindTests
{
    [Theory]
    [InlineData("127.0.0.1:8165", "127.0.0.1", 8165)]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData("0.0.0.0:8165", "0.0.0.0", 8165)]
    public void A_host_and_port_is_the_endpoint_bound(string text, string address, int port)
    {
        Assert.True(AdminBind.TryParse(text, out var endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endPoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Empty_is_off(string text)
    {
        Assert.True(AdminBind.TryParse(text, out var endPoint));
        Assert.Null(endPoint);
    }

    [Theory]
    [InlineData("localhost:8165")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("::1:8165")]
    [InlineData("127.0.0.1:-1")]
    public void Anything_else_is_refused_naming_the_key(string text)
    {
        Assert.False(AdminBind.TryParse(text, out _));
        var result = new AdminSettingsValidator().Validate(null, new AdminSettings { Bind = text });
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"invalid setting Admin:Bind = '{text}': expected HOST:PORT with an IP address", failure, StringComparison.Ordinal);
    }
}
