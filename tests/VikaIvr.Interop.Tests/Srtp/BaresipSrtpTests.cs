using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Softphone;
using VikaIvr.Server.Cli;

namespace VikaIvr.Interop.Tests.Srtp;

/// <summary>
/// SRTP with SDES keys against real clients, on a server with <c>Media:Srtp=required</c>: baresip with
/// <c>mediaenc=srtp-mand</c> (RTP/SAVP, libsrtp) hears the welcome prompt and is heard pressing a key, a
/// capture of the media ports shows no plain RTP either way, and a plain offer gets 488.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class BaresipSrtpTests(SrtpServerFixture fixture) : IClassFixture<SrtpServerFixture>
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Baresip_on_srtp_hears_the_welcome_its_key_is_heard_and_the_wire_carries_no_plain_rtp()
    {
        var server = fixture.Server;
        var before = await CdrReader.ReadAsync(server, 50);
        var (prompt, _) = WavFile.Read(Path.Combine(RepoPaths.Root, "prompts", "id", "welcome.wav"));
        var reference = G711.MuLawRoundTrip(BaresipCallTests.FirstVoiced(prompt, seconds: 2));
        await using var capture = await RtpCapture.StartAsync(server.RtpPorts.Low, server.RtpPorts.High, TimeSpan.FromSeconds(15));

        string? received;
        await using (var phone = await BaresipClient.StartAsync(mediaEncryption: "srtp-mand"))
        {
            await phone.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", Answer);
            // welcome is over after ~6 s; main-menu is playing (barge-in counts the key).
            await Task.Delay(TimeSpan.FromSeconds(6));
            await phone.SendDigitsAsync("1", TimeSpan.FromMilliseconds(2500));
            await phone.HangupAsync(TimeSpan.FromSeconds(10));
            received = phone.ReceivedAudioPath();
            Assert.True(received is not null, "sndfile wrote no decoded-audio dump\n" + phone.Describe());
        }

        var record = await CdrReader.WaitForAsync(server, r => before.All(b => b.CallId != r.CallId), TimeSpan.FromSeconds(10));
        Assert.True(record.CountNode(FlowNodes.VikaMenu) == 1, "the key inside SRTP was not heard: " + record + "\n" + server.Output);
        var (heard, _) = WavFile.Read(received!);
        var (peak, lag) = AudioCorrelation.BestMatch(reference, heard, maxLag: 8000 * 2);
        Assert.True(peak > 0.8, $"baresip did not hear the welcome prompt: correlation {peak:0.000} at lag {lag}");

        bool Ours(int port) => port >= server.RtpPorts.Low && port <= server.RtpPorts.High;
        await capture.WaitForAsync(d => d.Count(p => Ours(p.SourcePort) && p.LooksLikeRtp) >= 100, TimeSpan.FromSeconds(10));
        var sent = capture.Datagrams.Where(p => Ours(p.SourcePort) && p.LooksLikeRtp).ToList();
        var got = capture.Datagrams.Where(p => Ours(p.DestinationPort) && !Ours(p.SourcePort) && p.LooksLikeRtp).ToList();
        Assert.NotEmpty(got);
        // A plain 20 ms G.711 packet is 12 + 160 bytes and a plain RFC 4733 event 12 + 4: SRTP adds a 4- or 10-byte tag to each.
        Assert.All(sent.Concat(got).Where(p => p.PayloadType == 0), p => Assert.Contains(p.Payload.Length, new[] { 176, 182 }));
        Assert.All(got.Where(p => p.PayloadType >= 96), p => Assert.Contains(p.Payload.Length, new[] { 20, 26 }));
        // And what the server sent is not the prompt in the clear.
        var wire = sent.Where(p => p.PayloadType == 0).SelectMany(p => p.Payload.AsSpan(12, 160).ToArray()).Select(G711.MuLawToLinear).ToArray();
        var (wirePeak, _) = AudioCorrelation.BestMatch(reference, wire, maxLag: 8000 * 2);
        Assert.True(wirePeak < 0.3, $"the prompt can be heard on the wire: correlation {wirePeak:0.000}");
    }

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
