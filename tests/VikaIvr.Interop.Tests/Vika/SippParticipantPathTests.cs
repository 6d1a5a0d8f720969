using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// SIPp callers (keys by SIP INFO dtmf-relay) take six of the twelve participant paths; baresip
/// takes the other six (<see cref="BaresipParticipantPathTests"/>). Keys are typed ahead right
/// after the answer: the server queues them and barges its prompts, so a call lasts seconds.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SippParticipantPathTests(VikaServerFixture fixture) : IClassFixture<VikaServerFixture>
{
    [Theory]
    [InlineData("budi", "status", false)]
    [InlineData("agus", "status", false)]
    [InlineData("hendra", "status", true)]
    [InlineData("siti", "bill", false)]
    [InlineData("ni-made", "bill", true)]
    [InlineData("dewi", "bill", true)]
    public async Task Participant_path_reaches_its_answer(string participantKey, string pathName, bool byCard)
    {
        var server = fixture.Server;
        var participant = DemoParticipant.Get(participantKey);
        var path = VikaPath.Get(pathName);
        var scenario = new SippKeysScenario()
            .Pause(300)
            .Keys(path.Keys(participant, byCard))
            // Long enough for the answer to be synthesized and start playing; then hang up. After
            // 16 NIK digits the server plays enter-dob (18 s) to its end whatever the caller
            // presses (see BargeInAfterNikTests), so those paths wait for it.
            .Pause(byCard ? 3000 : 22000)
            .HangUp();

        var (_, record) = await VikaSippCall.RunAsync(server, scenario, TimeSpan.FromSeconds(40));

        ParticipantPathChecks.Answered(record, participant, path);
        Assert.Contains("info", record.DtmfMethods);
    }
}
