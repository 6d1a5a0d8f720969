using System.Globalization;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.SelfCheck;

/// <summary>The baresip client and its configuration, checked against a SIPp UAS standing in for the server.</summary>
[Collection(InteropCollection.Name)]
public sealed class BaresipSelfCheckTests
{
    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task Baresip_dials_a_sipp_uas_presses_keys_and_hangs_up(string transport)
    {
        var uasPort = FreePorts.SipPort();
        var errorFile = Path.Combine(Directory.CreateTempSubdirectory("vika-uas-").FullName, "errors.log");
        var uas = ProcessRunner.RunAsync(
            "sipp",
            ["-sf", Path.Combine(RepoPaths.SippDir, "selfcheck/uas_media.xml"), "-key", "first_pt", "0",
             "-t", transport == "tcp" ? "t1" : "u1", "-i", "127.0.0.1", "-p", uasPort.ToString(CultureInfo.InvariantCulture),
             "-mp", FreePorts.UdpPort().ToString(CultureInfo.InvariantCulture), "-rtp_echo", "-m", "1", "-timeout", "30s", "-nostdin",
             "-trace_err", "-error_file", errorFile],
            TimeSpan.FromSeconds(40),
            RepoPaths.SippDir);
        await Task.Delay(500);
        await using (var phone = await BaresipClient.StartAsync())
        {
            await phone.DialAsync($"sip:165@127.0.0.1:{uasPort};transport={transport}", TimeSpan.FromSeconds(10));
            await phone.SendDigitsAsync("11", TimeSpan.FromMilliseconds(300));
            await phone.HangupAsync(TimeSpan.FromSeconds(10));

            Assert.Contains(phone.Events, e => e.Type == "CALL_ESTABLISHED");
        }

        var uasResult = await uas;
        Assert.True(
            uasResult.ExitCode == 0,
            "SIPp UAS: " + uasResult.Describe() + (File.Exists(errorFile) ? "\n--- errors ---\n" + File.ReadAllText(errorFile) : string.Empty));
    }

    [Fact]
    public async Task Baresip_recording_correlates_with_the_audio_a_sipp_uas_played()
    {
        var uasPort = FreePorts.SipPort();
        var uas = ProcessRunner.RunAsync(
            "sipp",
            ["-sf", Path.Combine(RepoPaths.SippDir, "selfcheck/uas_play.xml"), "-i", "127.0.0.1",
             "-p", uasPort.ToString(CultureInfo.InvariantCulture), "-mp", FreePorts.UdpPort().ToString(CultureInfo.InvariantCulture),
             "-m", "1", "-timeout", "30s", "-nostdin"],
            TimeSpan.FromSeconds(40),
            RepoPaths.SippDir);
        await Task.Delay(500);
        string? received;
        await using (var phone = await BaresipClient.StartAsync())
        {
            await phone.DialAsync($"sip:165@127.0.0.1:{uasPort}", TimeSpan.FromSeconds(10));
            await Task.Delay(TimeSpan.FromSeconds(3));
            await phone.HangupAsync(TimeSpan.FromSeconds(10));
            received = phone.ReceivedAudioPath();
        }

        await uas;
        Assert.NotNull(received);
        var (heard, rate) = WavFile.Read(received);
        Assert.Equal(8000, rate);
        Assert.True(heard.Length > 8000, $"only {heard.Length} samples recorded");

        // tests/tools/make_pcap.py's "speech-like" signal: 440 Hz and 523 Hz, µ-law.
        var reference = new short[4000];
        for (var n = 0; n < reference.Length; n++)
        {
            var t = n / 8000.0;
            reference[n] = (short)((3000 * Math.Sin(2 * Math.PI * 440 * t)) + (1500 * Math.Sin(2 * Math.PI * 523 * t)));
        }

        var (peak, _) = AudioCorrelation.BestMatch(G711.MuLawRoundTrip(reference), heard, maxLag: 8000);
        Assert.True(peak > 0.8, $"correlation {peak:0.000}");

        // And a silent recording must not pass: the check can fail.
        var (silencePeak, _) = AudioCorrelation.BestMatch(G711.MuLawRoundTrip(reference), new short[16000], maxLag: 8000);
        Assert.True(silencePeak < 0.5);
    }
}
