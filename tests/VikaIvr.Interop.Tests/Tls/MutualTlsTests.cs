using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Tls;

/// <summary>
/// A mutual-TLS trunk (Sip:Tls:ClientCertificates = required) with Media:Srtp = required: baresip with
/// the trunk's certificate and SRTP is answered, with plain RTP it gets 488; baresip without a
/// certificate is refused at the handshake, logged as a security event.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class MutualTlsTests(MutualTlsServerFixture fixture) : IClassFixture<MutualTlsServerFixture>
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_trunk_with_its_certificate_and_srtp_is_answered_plain_rtp_gets_488_and_a_caller_without_a_certificate_is_refused()
    {
        var server = fixture.Server;
        var ca = fixture.Files.Certificate("vika");
        await using (var trunk = await BaresipClient.StartAsync(setup: BaresipSetup.Tls(ca, certificate: fixture.Files.Combined("trunk"), mediaEncryption: "srtp-mand")))
        {
            await trunk.DialAsync(fixture.TlsTarget, Answer);
            await trunk.HangupAsync(TimeSpan.FromSeconds(10));
        }

        Assert.DoesNotContain("SECURITY event=invite-refused", server.Output);

        // Media:Srtp = required: the same trunk offering plain RTP (RTP/AVP) gets 488.
        await using (var plain = await BaresipClient.StartAsync(setup: BaresipSetup.Tls(ca, certificate: fixture.Files.Combined("trunk"))))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => plain.DialAsync(fixture.TlsTarget, Answer));
            Assert.Contains("488", refused.Message, StringComparison.Ordinal);
        }

        await using (var stranger = await BaresipClient.StartAsync(setup: BaresipSetup.Tls(ca)))
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => stranger.DialAsync(fixture.TlsTarget, Answer));
            Assert.True(refused is InvalidOperationException or TimeoutException, refused.ToString());
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!server.Output.Contains("TLS client certificate missing", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Matches("SECURITY event=invite-refused src=127\\.0\\.0\\.1 port=\\d+ detail=\"TLS client certificate missing\"", server.Output);
    }
}
