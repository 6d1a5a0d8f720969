using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Softphone;

/// <summary>baresip, a real softphone, calls the running server: UDP and TCP, DTMF by RFC 4733, and it hears the welcome prompt.</summary>
[Collection(InteropCollection.Name)]
public sealed class BaresipCallTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task Baresip_call_completes_invite_200_ack_bye(string transport)
    {
        var server = fixture.Server;
        await using var phone = await BaresipClient.StartAsync();

        await phone.DialAsync($"sip:165@127.0.0.1:{server.SipPort};transport={transport}", Answer);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await phone.HangupAsync(TimeSpan.FromSeconds(10));

        Assert.True(phone.Events.Any(e => e.Type == "CALL_CLOSED"), phone.Describe());
        Assert.True(await server.AnswersOptionsAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Baresip_keys_one_one_reach_enter_id_each_once()
    {
        var server = fixture.Server;
        var before = await CdrReader.ReadAsync(server, 50);
        await using var phone = await BaresipClient.StartAsync();

        await phone.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", Answer);
        // welcome is over after ~6 s; main-menu is playing (barge-in counts the key).
        await Task.Delay(TimeSpan.FromSeconds(6));
        await phone.SendDigitsAsync("1", TimeSpan.FromMilliseconds(2500));
        await phone.SendDigitsAsync("1", TimeSpan.FromMilliseconds(1500));
        await phone.HangupAsync(TimeSpan.FromSeconds(10));

        var record = await CdrReader.WaitForAsync(server, r => before.All(b => b.CallId != r.CallId), TimeSpan.FromSeconds(10));
        Assert.True(record.CountNode(FlowNodes.VikaMenu) == 1, record + "\n" + phone.Describe());
        Assert.True(record.CountNode(FlowNodes.EnterId) >= 1, record + "\n" + phone.Describe());
    }

    [Fact]
    public async Task Audio_received_by_baresip_matches_the_welcome_prompt()
    {
        var server = fixture.Server;
        var promptPath = Path.Combine(RepoPaths.Root, "prompts", "id", "welcome.wav");
        Assert.True(File.Exists(promptPath), $"the welcome prompt is missing: {promptPath}");
        var (prompt, promptRate) = WavFile.Read(promptPath);
        Assert.Equal(8000, promptRate);

        string? received;
        await using (var phone = await BaresipClient.StartAsync())
        {
            await phone.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", Answer);
            await Task.Delay(TimeSpan.FromSeconds(5));
            await phone.HangupAsync(TimeSpan.FromSeconds(10));
            received = phone.ReceivedAudioPath();
            Assert.True(received is not null, "sndfile wrote no decoded-audio dump\n" + phone.Describe());
        }

        // sndfile completes the WAV header when baresip closes it (at quit, above).
        var (heard, heardRate) = WavFile.Read(received!);
        Assert.Equal(8000, heardRate);
        var reference = G711.MuLawRoundTrip(FirstVoiced(prompt, seconds: 2));
        var (peak, lag) = AudioCorrelation.BestMatch(reference, heard, maxLag: 8000 * 2);
        Assert.True(peak > 0.8, $"correlation {peak:0.000} at lag {lag} samples; heard {heard.Length} samples");
    }

    /// <summary>The first <paramref name="seconds"/> of the prompt after its leading silence.</summary>
    internal static short[] FirstVoiced(short[] prompt, int seconds)
    {
        var start = 0;
        while (start < prompt.Length && Math.Abs((int)prompt[start]) < 300)
        {
            start++;
        }

        var length = Math.Min(8000 * seconds, prompt.Length - start);
        Assert.True(length > 4000, "the welcome prompt is (almost) silent");
        return prompt.AsSpan(start, length).ToArray();
    }
}
