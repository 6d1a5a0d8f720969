using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Tests.Admission;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Transport;

/// <summary>
/// SIP over TLS on loopback with certificates made in the test: the handshake, the TCP framing and
/// limits over TLS, mutual TLS, and plain bytes on the TLS port. Deadlines on a fake clock.
/// </summary>
public sealed class TlsTransportTests : IAsyncLifetime
{
    private static readonly TimeSpan Wall = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly TlsTestCertificates _certificates = new();
    private readonly ListLogger<SipTransport> _log = new();
    private readonly List<IAsyncDisposable> _peers = [];
    private X509Certificate2 _server = null!;
    private X509Certificate2 _trunk = null!;
    private X509Certificate2 _stranger = null!;
    private SipTransport _transport = null!;
    private SipUserAgent _agent = null!;

    private IPEndPoint TlsEndPoint => _transport.GetLocalEndPoint(SipTransportProtocol.Tls)!;

    public Task InitializeAsync()
    {
        _server = _certificates.Create("vika");
        _trunk = _certificates.Create("trunk");
        _stranger = _certificates.Create("stranger");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }

        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        if (_transport is not null)
        {
            await _transport.DisposeAsync();
        }

        _certificates.Dispose();
    }

    [Fact]
    public async Task Options_over_tls_are_answered_on_the_connection_whatever_the_framing()
    {
        Start(SipClientCertificateMode.Off);
        var peer = await ConnectAsync(null);

        var first = Options(peer.Local, "z9hG4bKtls1");
        await peer.SendAsync(first[..20]);
        await peer.SendAsync(first[20..]);
        await peer.SendAsync(Options(peer.Local, "z9hG4bKtls2") + Options(peer.Local, "z9hG4bKtls3"));

        for (var i = 1; i <= 3; i++)
        {
            var response = await peer.ReadHeadAsync();
            Assert.StartsWith("SIP/2.0 200", response);
            Assert.Contains("Via: SIP/2.0/TLS", response);
            Assert.Contains("branch=z9hG4bKtls" + i, response);
        }
    }

    [Fact]
    public async Task Plain_sip_bytes_on_the_tls_port_get_no_answer_and_the_connection_closes()
    {
        Start(SipClientCertificateMode.Off);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(TlsEndPoint);
        await socket.SendAsync(Encoding.ASCII.GetBytes(Options((IPEndPoint)socket.LocalEndPoint!, "z9hG4bKplain")));

        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(Wall);
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Closed with our bytes unread: a reset is a close too.
        }

        Assert.DoesNotContain("SIP/2.0", received.ToString());
        await WaitUntil(() => _transport.TlsConnectionsFrom(IPAddress.Loopback) == 0);
    }

    [Fact]
    public async Task The_first_message_limit_runs_during_the_tls_handshake()
    {
        Start(SipClientCertificateMode.Off);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(TlsEndPoint);
        await WaitUntil(() => _transport.TlsConnectionsFrom(IPAddress.Loopback) == 1);

        // No ClientHello: the handshake never finishes, and the first-message clock (5 s) is running.
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, _transport.TlsConnectionsFrom(IPAddress.Loopback));
        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => _transport.TlsConnectionsFrom(IPAddress.Loopback) == 0);
    }

    [Fact]
    public async Task A_handshake_without_a_message_is_closed_at_the_first_message_limit()
    {
        Start(SipClientCertificateMode.Off);
        var peer = await ConnectAsync(null);
        await WaitUntil(() => _transport.TlsConnectionsFrom(IPAddress.Loopback) == 1);

        _time.Advance(TimeSpan.FromSeconds(5));
        await peer.AssertClosedAsync();
    }

    [Fact]
    public async Task Required_client_certificates_refuse_a_caller_without_one_with_a_security_event()
    {
        Start(SipClientCertificateMode.Required);

        Assert.False(await ExchangeAsync(null));
        var line = await WaitForLogAsync("SECURITY event=invite-refused");
        Assert.Contains("src=127.0.0.1 port=", line);
        Assert.Contains("missing", line);
    }

    [Fact]
    public async Task Required_client_certificates_let_a_trusted_trunk_in_and_refuse_a_stranger()
    {
        Start(SipClientCertificateMode.Required);

        Assert.True(await ExchangeAsync(_trunk));
        Assert.DoesNotContain(_log.Lines, l => l.Contains("SECURITY", StringComparison.Ordinal));
        Assert.False(await ExchangeAsync(_stranger));
        Assert.Contains("untrusted", await WaitForLogAsync("SECURITY event=invite-refused"));
    }

    [Fact]
    public async Task Optional_client_certificates_let_a_caller_without_one_in_but_not_an_untrusted_one()
    {
        Start(SipClientCertificateMode.Optional);

        Assert.True(await ExchangeAsync(null));
        Assert.True(await ExchangeAsync(_trunk));
        Assert.False(await ExchangeAsync(_stranger));
        Assert.Contains("untrusted", await WaitForLogAsync("SECURITY event=invite-refused"));
    }

    private static string Options(IPEndPoint local, string branch) =>
        "OPTIONS sip:165@127.0.0.1;transport=tls SIP/2.0\r\n"
        + $"Via: SIP/2.0/TLS {local.Address}:{local.Port};branch={branch};rport\r\n"
        + "Max-Forwards: 70\r\n"
        + $"From: <sip:probe@{local.Address}>;tag=t{branch}\r\n"
        + "To: <sip:165@127.0.0.1>\r\n"
        + $"Call-ID: {branch}@test\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "Content-Length: 0\r\n\r\n";

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wall;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached");
    }

    /// <summary>True when an OPTIONS over a new TLS connection (with <paramref name="clientCertificate"/>) is answered.</summary>
    private async Task<bool> ExchangeAsync(X509Certificate2? clientCertificate)
    {
        try
        {
            var peer = await ConnectAsync(clientCertificate);
            await peer.SendAsync(Options(peer.Local, "z9hG4bK" + Guid.NewGuid().ToString("N")));
            return (await peer.ReadHeadAsync()).StartsWith("SIP/2.0 200", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or Xunit.Sdk.XunitException)
        {
            // TLS 1.3 tells the client of a refused certificate only at its first read.
            return false;
        }
    }

    private async Task<string> WaitForLogAsync(string text)
    {
        await WaitUntil(() => _log.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)));
        return _log.Lines.Last(l => l.Contains(text, StringComparison.Ordinal));
    }

    private async Task<TlsTestPeer> ConnectAsync(X509Certificate2? clientCertificate)
    {
        var peer = await TlsTestPeer.ConnectAsync(TlsEndPoint, _server, clientCertificate);
        _peers.Add(peer);
        return peer;
    }

    private void Start(SipClientCertificateMode clientCertificates)
    {
        var options = new SipTransportOptions
        {
            BindAddress = "127.0.0.1",
            Port = 0,
            EnableUdp = false,
            TcpFirstMessageTimeout = TimeSpan.FromSeconds(5),
            Tls = new SipTlsOptions { Port = 0, Certificate = _server, ClientCertificates = clientCertificates, TrustedCa = [_trunk] },
        };
        _transport = new SipTransport(options, _time, _log);
        _agent = new SipUserAgent(_transport, new SipUserAgentOptions(), new SipTimerOptions(), _time, NullLogger<SipUserAgent>.Instance);
        _agent.Start();
    }
}
