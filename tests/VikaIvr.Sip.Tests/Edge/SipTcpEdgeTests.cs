using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Edge;

/// <summary>
/// TCP held shut (issue 13): real sockets on loopback, the deadlines on a fake clock. A source
/// has a connection cap of its own; a connection must send a whole message soon after accept,
/// and only whole messages (never a trickle of bytes) keep it open.
/// </summary>
public sealed class SipTcpEdgeTests : IAsyncLifetime
{
    private static readonly TimeSpan Wall = TimeSpan.FromSeconds(20);
    private static readonly IPAddress Attacker = IPAddress.Loopback;
    private static readonly IPAddress Caller = IPAddress.Parse("127.0.0.2");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly List<Socket> _clients = [];
    private SipTransport _transport = null!;
    private SipUserAgent _agent = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var c in _clients)
        {
            c.Dispose();
        }

        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        if (_transport is not null)
        {
            await _transport.DisposeAsync();
        }
    }

    [Fact]
    public async Task Idle_connections_from_one_source_do_not_stop_tcp_options_from_another()
    {
        // The global cap (64 here, 1,024 by default) is far below what one source opens; only its own cap (32) is held.
        Start(new SipTransportOptions { MaxTcpConnections = 64, MaxTcpConnectionsPerSource = 32 });
        const int Opened = 200;
        for (var i = 0; i < Opened; i++)
        {
            await ConnectAsync(Attacker);
        }

        await WaitUntil(() => _transport.TcpConnectionsFrom(Attacker) == 32);

        var caller = await ConnectAsync(Caller);
        await SendAsync(caller, Options(caller, "z9hG4bKcaller1"));
        Assert.StartsWith("SIP/2.0 200", await ReadResponseAsync(caller));
        Assert.Equal(32, _transport.TcpConnectionsFrom(Attacker));
    }

    [Fact]
    public async Task A_connection_with_no_complete_message_is_closed_at_the_first_message_limit_despite_a_trickle()
    {
        Start(new SipTransportOptions { TcpFirstMessageTimeout = TimeSpan.FromSeconds(5), TcpIdleTimeout = TimeSpan.FromMinutes(2) });
        var client = await ConnectAsync(Attacker);
        await WaitUntil(() => _transport.TcpConnectionsFrom(Attacker) == 1);

        var partial = Encoding.ASCII.GetBytes(Options(client, "z9hG4bKtrickle"));
        for (var i = 0; i < 4; i++)
        {
            await client.SendAsync(partial.AsMemory(i, 1));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, _transport.TcpConnectionsFrom(Attacker));
        _time.Advance(TimeSpan.FromSeconds(1));
        await AssertClosedAsync(client);
    }

    [Fact]
    public async Task Only_a_complete_message_restarts_the_idle_limit()
    {
        Start(new SipTransportOptions { TcpFirstMessageTimeout = TimeSpan.FromSeconds(5), TcpIdleTimeout = TimeSpan.FromSeconds(45) });
        var client = await ConnectAsync(Caller);
        await SendAsync(client, Options(client, "z9hG4bKidle1"));
        Assert.StartsWith("SIP/2.0 200", await ReadResponseAsync(client));

        // Past the first-message limit: a connection that spoke stays.
        _time.Advance(TimeSpan.FromSeconds(30));
        await SendAsync(client, Options(client, "z9hG4bKidle2"));
        Assert.StartsWith("SIP/2.0 200", await ReadResponseAsync(client));

        // Bytes of an unfinished message every 10 s do not count as traffic.
        var partial = Encoding.ASCII.GetBytes("OPTIONS sip:165@127.0.0.1 SIP/2.0\r\n");
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await client.SendAsync(partial.AsMemory(i, 1));
        }

        _time.Advance(TimeSpan.FromSeconds(5));
        await AssertClosedAsync(client);
    }

    [Fact]
    public async Task A_connection_we_answered_an_invite_on_carries_a_call_and_keeps_the_longer_limit()
    {
        Start(new SipTransportOptions { TcpIdleTimeout = TimeSpan.FromSeconds(45), TcpCallIdleTimeout = TimeSpan.FromMinutes(10) });
        var client = await ConnectAsync(Caller);
        await SendAsync(client, Options(client, "z9hG4bKcall1"));
        Assert.StartsWith("SIP/2.0 200", await ReadResponseAsync(client));

        // What the peer writes does not mark a call; our 2xx to its INVITE does.
        var local = (IPEndPoint)client.LocalEndPoint!;
        var ok = "SIP/2.0 200 OK\r\n"
            + $"Via: SIP/2.0/TCP {local.Address}:{local.Port};branch=z9hG4bKinvite\r\n"
            + $"From: <sip:caller@{local.Address}>;tag=a\r\n"
            + "To: <sip:165@127.0.0.1>;tag=b\r\n"
            + "Call-ID: call@test\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Content-Length: 0\r\n\r\n";
        Assert.True(SipParser.TryParse(Encoding.ASCII.GetBytes(ok), new SipParserOptions(), out var answer, out _));
        Assert.True(_transport.Send(answer!, new SipEndPoint(SipTransportProtocol.Tcp, local)));
        Assert.StartsWith("SIP/2.0 200 OK", await ReadResponseAsync(client));

        // A call may pass minutes without SIP: far past the idle limit the connection still answers.
        _time.Advance(TimeSpan.FromMinutes(9));
        await SendAsync(client, Options(client, "z9hG4bKcall2"));
        Assert.StartsWith("SIP/2.0 200", await ReadResponseAsync(client));

        // The longer limit is still a limit: whole messages restart it, silence ends it.
        _time.Advance(TimeSpan.FromMinutes(10));
        await AssertClosedAsync(client);
    }

    private static string Options(Socket client, string branch)
    {
        var local = (IPEndPoint)client.LocalEndPoint!;
        return "OPTIONS sip:165@127.0.0.1 SIP/2.0\r\n"
            + $"Via: SIP/2.0/TCP {local.Address}:{local.Port};branch={branch};rport\r\n"
            + "Max-Forwards: 70\r\n"
            + $"From: <sip:probe@{local.Address}>;tag=t{branch}\r\n"
            + "To: <sip:165@127.0.0.1>\r\n"
            + $"Call-ID: {branch}@test\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n";
    }

    private static async Task SendAsync(Socket client, string message) =>
        await client.SendAsync(Encoding.ASCII.GetBytes(message));

    private static async Task<string> ReadResponseAsync(Socket client)
    {
        using var cts = new CancellationTokenSource(Wall);
        var buffer = new byte[8192];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await client.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            Assert.True(read > 0, "the connection closed before a response came");
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    private static async Task AssertClosedAsync(Socket client)
    {
        using var cts = new CancellationTokenSource(Wall);
        var buffer = new byte[1024];
        try
        {
            Assert.Equal(0, await client.ReceiveAsync(buffer, SocketFlags.None, cts.Token));
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Closed with data unread on the server side: a reset is a close too.
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wall;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached");
    }

    private void Start(SipTransportOptions options)
    {
        options.BindAddress = "127.0.0.1";
        options.Port = 0;
        options.EnableUdp = false;
        _transport = new SipTransport(options, _time, NullLogger<SipTransport>.Instance);
        _agent = new SipUserAgent(_transport, new SipUserAgentOptions(), new SipTimerOptions(), _time, NullLogger<SipUserAgent>.Instance);
        _agent.Start();
    }

    private async Task<Socket> ConnectAsync(IPAddress from)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(socket);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(_transport.GetLocalEndPoint(SipTransportProtocol.Tcp)!);
        return socket;
    }
}
