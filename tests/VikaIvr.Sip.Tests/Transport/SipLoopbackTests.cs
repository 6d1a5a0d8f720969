using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Tests.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Transport;

public sealed class SipLoopbackTests
{
    private static async Task<(SipTransport Transport, SipUserAgent Agent)> StartAsync()
    {
        var transport = new SipTransport(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0 }, TimeProvider.System, NullLogger<SipTransport>.Instance);
        var agent = new SipUserAgent(transport, new SipUserAgentOptions(), new SipTimerOptions(), TimeProvider.System, NullLogger<SipUserAgent>.Instance);
        agent.Start();
        await Task.Yield();
        return (transport, agent);
    }

    private static string Options(string transport, int port) =>
        SipTestMessages.Options().Replace("SIP/2.0/UDP 192.0.2.10:5062", $"SIP/2.0/{transport} 127.0.0.1:{port}");

    [Fact]
    public async Task Options_over_udp_gets_200()
    {
        var (transport, _) = await StartAsync();
        await using var owned = transport;
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        var bytes = Encoding.ASCII.GetBytes(Options("UDP", port));
        await client.SendAsync(bytes, new IPEndPoint(IPAddress.Loopback, transport.GetLocalEndPoint(SipTransportProtocol.Udp)!.Port));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await client.ReceiveAsync(cts.Token);
        var text = Encoding.ASCII.GetString(result.Buffer);
        Assert.StartsWith("SIP/2.0 200", text);
        Assert.Contains("rport=" + port, text);
    }

    [Fact]
    public async Task Options_over_tcp_gets_200_on_the_same_connection_after_a_keepalive()
    {
        var (transport, _) = await StartAsync();
        await using var owned = transport;
        using var client = new TcpClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, transport.GetLocalEndPoint(SipTransportProtocol.Tcp)!.Port), cts.Token);
        var stream = client.GetStream();
        var port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        await stream.WriteAsync(Encoding.ASCII.GetBytes("\r\n\r\n" + Options("TCP", port)), cts.Token);
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, cts.Token);
            Assert.True(n > 0, "connection closed before a response");
            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        Assert.StartsWith("SIP/2.0 200", received.ToString());
    }

    [Fact]
    public async Task Garbage_datagrams_do_not_stop_the_udp_loop()
    {
        var (transport, _) = await StartAsync();
        await using var owned = transport;
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var server = new IPEndPoint(IPAddress.Loopback, transport.GetLocalEndPoint(SipTransportProtocol.Udp)!.Port);
        await client.SendAsync(Encoding.ASCII.GetBytes("this is not sip\r\n\r\n"), server);
        await client.SendAsync(new byte[] { 0, 1, 2, 3, 255 }, server);
        var port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        await client.SendAsync(Encoding.ASCII.GetBytes(Options("UDP", port)), server);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await client.ReceiveAsync(cts.Token);
        Assert.StartsWith("SIP/2.0 200", Encoding.ASCII.GetString(result.Buffer));
    }
}
