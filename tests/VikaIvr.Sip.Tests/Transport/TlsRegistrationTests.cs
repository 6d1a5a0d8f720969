using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Transport;

/// <summary>
/// The REGISTER client against a TLS registrar of the test's own (RFC 3261 26.2): Via TLS, a
/// Contact that says transport=tls, the registrar's certificate checked, the connection kept for refreshes.
/// </summary>
public sealed class TlsRegistrationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly TlsTestCertificates _certificates = new();
    private readonly TcpListener _registrar = new(IPAddress.Loopback, 0);
    private SipTransport? _transport;

    public Task InitializeAsync()
    {
        _registrar.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _registrar.Stop();
        if (_transport is not null)
        {
            await _transport.DisposeAsync();
        }

        _certificates.Dispose();
    }

    [Fact]
    public async Task Registers_over_tls_and_refreshes_on_the_same_connection()
    {
        var registrarCertificate = _certificates.Create("registrar");
        var client = StartClient(registrarCertificate, "sips:127.0.0.1:" + Port, out _);

        var started = client.StartAsync();
        await using var registrar = await TlsTestPeer.AcceptAsync(_registrar, registrarCertificate);
        var first = await registrar.ReadHeadAsync();
        Assert.StartsWith("REGISTER sips:127.0.0.1:" + Port + " SIP/2.0", first);
        Assert.Contains("Via: SIP/2.0/TLS ", first);
        Assert.Contains(";transport=tls>", first);
        await registrar.SendAsync(Ok(first));
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(20)));

        // Refreshed at 80 % of the 60 s granted, over the connection already open.
        _time.Advance(TimeSpan.FromSeconds(48));
        var refresh = await registrar.ReadHeadAsync();
        Assert.StartsWith("REGISTER ", refresh);
        client.Stop();
    }

    [Fact]
    public async Task A_registrar_whose_certificate_is_not_trusted_never_sees_a_register()
    {
        var registrarCertificate = _certificates.Create("registrar");
        var trusted = _certificates.Create("other-ca");
        var client = StartClient(trusted, "sip:127.0.0.1:" + Port + ";transport=tls", out _);

        _ = client.StartAsync();
        var accepted = TlsTestPeer.AcceptAsync(_registrar, registrarCertificate);
        try
        {
            // TLS 1.3: the registrar's side of the handshake ends before the client refuses the certificate.
            await using var registrar = await accepted;
            await registrar.AssertClosedAsync();
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
        {
            // The client gave up inside the handshake: the REGISTER never left.
        }

        client.Stop();
    }

    private int Port => ((IPEndPoint)_registrar.LocalEndpoint).Port;

    private static string Ok(string request)
    {
        var response = "SIP/2.0 200 OK\r\n";
        foreach (var line in request.Split("\r\n"))
        {
            if (line.StartsWith("Via:", StringComparison.Ordinal) || line.StartsWith("From:", StringComparison.Ordinal)
                || line.StartsWith("Call-ID:", StringComparison.Ordinal) || line.StartsWith("CSeq:", StringComparison.Ordinal))
            {
                response += line + "\r\n";
            }
            else if (line.StartsWith("To:", StringComparison.Ordinal))
            {
                response += line + ";tag=reg\r\n";
            }
        }

        return response + "Expires: 60\r\nContent-Length: 0\r\n\r\n";
    }

    private SipRegistrationClient StartClient(System.Security.Cryptography.X509Certificates.X509Certificate2 trustedCa, string registrar, out SipTransactionLayer layer)
    {
        _transport = new SipTransport(new SipTransportOptions
        {
            BindAddress = "127.0.0.1",
            Port = 0,
            Tls = new SipTlsOptions { Port = 0, Certificate = _certificates.Create("vika"), TrustedCa = [trustedCa] },
        }, _time, NullLogger<SipTransport>.Instance);
        layer = new SipTransactionLayer(_transport, new SipTimerOptions(), _time);
        var agent = new SipUserAgent(_transport, new SipUserAgentOptions(), new SipTimerOptions(), _time, NullLogger<SipUserAgent>.Instance);
        agent.Start();
        return new SipRegistrationClient(agent.Transactions, new SipRegistrationOptions
        {
            RegistrarUri = registrar,
            User = "6221165",
            Password = "s3cret",
            Expires = 60,
        }, NullLogger<SipRegistrationClient>.Instance);
    }
}
