using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Tests.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Transport;

/// <summary>
/// A call that came in over TLS stays on TLS: our Contact says transport=tls (so the caller's BYE
/// and re-INVITE come back over TLS) and our own in-dialog requests go over the caller's TLS connection.
/// </summary>
public sealed class TlsDialogTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly TlsTestCertificates _certificates = new();
    private readonly TestCallHandler _handler = new();
    private System.Security.Cryptography.X509Certificates.X509Certificate2 _server = null!;
    private SipTransport _transport = null!;
    private SipUserAgent _agent = null!;

    public Task InitializeAsync()
    {
        _server = _certificates.Create("vika");
        _transport = new SipTransport(new SipTransportOptions
        {
            BindAddress = "127.0.0.1",
            Port = 0,
            EnableUdp = false,
            Tls = new SipTlsOptions { Port = 0, Certificate = _server },
        }, _time, NullLogger<SipTransport>.Instance);
        _agent = new SipUserAgent(_transport, new SipUserAgentOptions(), new SipTimerOptions(), _time, NullLogger<SipUserAgent>.Instance);
        _agent.Start();
        _ = _handler.ServeAsync(_agent);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _transport.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task An_invite_over_tls_is_answered_with_a_tls_contact_and_our_bye_goes_back_over_the_connection()
    {
        var tls = _transport.GetLocalEndPoint(SipTransportProtocol.Tls)!;
        await using var peer = await TlsTestPeer.ConnectAsync(tls, _server);
        var contact = $"sip:0812@127.0.0.1:{peer.Local.Port + 1};transport=tls";
        await peer.SendAsync(Invite(peer.Local, contact));

        var ok = await peer.ReadHeadAsync();
        while (ok.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
        {
            ok = await peer.ReadHeadAsync();
        }

        Assert.StartsWith("SIP/2.0 200", ok);
        Assert.Contains($"Contact: <sip:165@127.0.0.1:{tls.Port};transport=tls>", ok);
        var session = await _handler.Invited.Task.WaitAsync(TimeSpan.FromSeconds(20));

        _ = session.HangupAsync();
        var bye = await peer.ReadHeadAsync();
        Assert.StartsWith($"BYE {contact} SIP/2.0", bye);
        Assert.Contains("Via: SIP/2.0/TLS 127.0.0.1:" + tls.Port, bye);
    }

    private static string Invite(IPEndPoint local, string contact)
    {
        const string Sdp = SipTestMessages.Sdp;
        return "INVITE sip:165@127.0.0.1;transport=tls SIP/2.0\r\n"
            + $"Via: SIP/2.0/TLS {local.Address}:{local.Port};branch=z9hG4bKtlsinv;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:0812@127.0.0.1>;tag=caller\r\n"
            + "To: <sip:165@127.0.0.1>\r\n"
            + "Call-ID: tls-call@test\r\n"
            + "CSeq: 1 INVITE\r\n"
            + $"Contact: <{contact}>\r\n"
            + "Content-Type: application/sdp\r\n"
            + $"Content-Length: {Sdp.Length}\r\n\r\n" + Sdp;
    }
}
