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
        WelcomePrompt.AssertHeardIn(received!);
    }
}
