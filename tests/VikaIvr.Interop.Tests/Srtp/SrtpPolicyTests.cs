using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Cli;

namespace VikaIvr.Interop.Tests.Srtp;

/// <summary>
/// SRTP with SDES keys on a server with <c>Media:Srtp=required</c>: a plain offer gets 488 and a
/// security event, an SRTP test call is answered and hears audio, and no key reaches the log. The
/// real client (baresip with <c>mediaenc=srtp-mand</c>, libsrtp) and the capture showing no plain RTP
/// are in <c>Tls/BaresipTlsCallTests</c> (SRTP over TLS, as carriers run it).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SrtpPolicyTests(SrtpServerFixture fixture) : IClassFixture<SrtpServerFixture>
{
    [Fact]
    public async Task A_plain_offer_gets_488_with_a_security_event_and_an_srtp_test_call_is_answered()
    {
        var server = fixture.Server;
        var target = $"sip:165@127.0.0.1:{server.SipPort}";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var plain = await CallAsync(["call", target, "--duration", "1"], timeout.Token);
        Assert.True(plain.Status == 1, plain.Log);
        Assert.Contains("488", plain.Error, StringComparison.Ordinal);
        await WaitAsync(() => server.Output.Contains("SECURITY event=invite-refused src=127.0.0.1", StringComparison.Ordinal), server.Output);

        var wav = Path.Combine(Path.GetTempPath(), $"vika-srtp-{Guid.NewGuid():N}.wav");
        try
        {
            var secure = await CallAsync(["call", target, "--srtp", "--record", wav, "--duration", "3"], timeout.Token);
            Assert.True(secure.Status == 0, secure.Log + "\n" + server.Output);
            Assert.Contains("AES_CM_128_HMAC_SHA1_80 (keys redacted)", secure.Output, StringComparison.Ordinal);
            var (samples, _) = WavFile.Read(wav);
            double rms = Math.Sqrt(samples.Sum(s => (double)s * s) / Math.Max(1, samples.Length));
            Assert.True(rms > 200, $"the SRTP test call heard silence (rms {rms:0})");
        }
        finally
        {
            File.Delete(wav);
        }

        Assert.DoesNotContain("inline:", server.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string Output, string Error, string Log)> CallAsync(string[] words, CancellationToken ct)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var status = await VikaCommandLine.InvokeAsync(words, output, error, ct);
        return (status, output.ToString(), error.ToString(), output + "\n" + error);
    }

    private static async Task WaitAsync(Func<bool> condition, string context)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out:\n" + context);
            await Task.Delay(50);
        }
    }
}
