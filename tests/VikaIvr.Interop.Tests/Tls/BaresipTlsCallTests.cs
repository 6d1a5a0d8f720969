using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Tls;

/// <summary>
/// baresip calls 165 over SIP over TLS (its TLS transport, the server's TLS port), with plain RTP and
/// with SRTP (issue 13's must-show 1): it hears the welcome prompt and its keys are heard; with SRTP a
/// capture of the server's RTP shows no plain G.711.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class BaresipTlsCallTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Baresip_over_tls_with_plain_rtp_hears_the_welcome_prompt_and_a_capture_shows_it_in_the_clear()
    {
        var (_, _, rtp) = await CallAsync(mediaEncryption: null, pressKeys: false);

        Assert.Contains("Sip listening on TLS 127.0.0.1:" + fixture.TlsPort + ", certificate CN=vika", fixture.Server.Output);
        // Without media encryption the capture does see the prompt in the clear: the check an SRTP call must pass can fail.
        var (peak, _) = WelcomePrompt.Match(RtpCapture.AsPlainG711(rtp));
        Assert.True(peak > 0.8, $"correlation {peak:0.000} of the captured RTP read as plain G.711 with the prompt; {rtp.Count} packets captured");
    }

    [Fact]
    public async Task Baresip_over_tls_with_srtp_hears_the_prompt_its_keys_are_heard_and_no_plain_rtp_goes_out()
    {
        var (found, phone, rtp) = await CallAsync(mediaEncryption: "srtp-mand", pressKeys: true);

        var record = found!;
        Assert.True(record.CountNode(FlowNodes.VikaMenu) == 1, record + "\n" + phone);
        Assert.True(record.CountNode(FlowNodes.EnterId) >= 1, record + "\n" + phone);
        var audio = rtp.Where(p => p.Length >= 12 && (p[1] & 0x7F) is 0 or 8).ToList();
        Assert.True(audio.Count > 100, $"{audio.Count} audio packets of {rtp.Count} captured");
        // Every packet carries the SRTP authentication tag (80 or 32 bits) after its 20 ms of G.711 ...
        Assert.All(audio, p => Assert.True(p.Length is 12 + 160 + 10 or 12 + 160 + 4, $"an RTP packet of {p.Length} bytes"));
        // ... and read as plain G.711 the payloads are noise, not the prompt baresip heard.
        var (peak, _) = WelcomePrompt.Match(RtpCapture.AsPlainG711(rtp));
        Assert.True(peak < 0.3, $"correlation {peak:0.000} of the captured RTP read as plain G.711 with the prompt");
    }

    /// <summary>
    /// One call over TLS (media encrypted when <paramref name="mediaEncryption"/> names baresip's
    /// mediaenc): waits through the welcome prompt, with <paramref name="pressKeys"/> keys 1 1 in the
    /// menus, hangs up; asserts the prompt was heard and returns the call's record (when keys were
    /// pressed), baresip's story and the RTP the server sent (tshark).
    /// </summary>
    private async Task<(CallRecordLine? Record, string Phone, IReadOnlyList<byte[]> Rtp)> CallAsync(string? mediaEncryption, bool pressKeys)
    {
        var server = fixture.Server;
        IReadOnlyList<CallRecordLine> before = pressKeys ? await CdrReader.ReadAsync(server, 50) : [];
        string? received;
        string story;
        IReadOnlyList<byte[]> rtp;
        await using (var capture = await RtpCapture.StartAsync(server.RtpPorts, fixture.Files.Directory))
        await using (var phone = await BaresipClient.StartAsync(setup: BaresipSetup.Tls(fixture.Files.Certificate("vika"), mediaEncryption: mediaEncryption)))
        {
            await phone.DialAsync(fixture.TlsTarget, Answer);
            // welcome is over after ~6 s; main-menu is playing (barge-in counts the key).
            await Task.Delay(TimeSpan.FromSeconds(pressKeys ? 6 : 4));
            if (pressKeys)
            {
                await phone.SendDigitsAsync("1", TimeSpan.FromMilliseconds(2500));
                await phone.SendDigitsAsync("1", TimeSpan.FromMilliseconds(1500));
            }

            await phone.HangupAsync(TimeSpan.FromSeconds(10));
            rtp = await capture.StopAsync();
            received = phone.ReceivedAudioPath();
            story = phone.Describe();
            Assert.True(received is not null, "sndfile wrote no decoded-audio dump\n" + story);
        }

        // sndfile completes the WAV header when baresip closes it (at quit, above).
        WelcomePrompt.AssertHeardIn(received!);
        var record = pressKeys ? await CdrReader.WaitForAsync(server, r => before.All(b => b.CallId != r.CallId), TimeSpan.FromSeconds(10)) : null;
        return (record, story, rtp);
    }
}
