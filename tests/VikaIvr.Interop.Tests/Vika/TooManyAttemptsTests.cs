using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>Three wrong birth dates: too-many-attempts, goodbye, and the server ends the call with its BYE.</summary>
[Collection(InteropCollection.Name)]
public sealed class TooManyAttemptsTests(VikaServerFixture fixture) : IClassFixture<VikaServerFixture>
{
    [Fact]
    public async Task Three_wrong_birth_dates_end_in_too_many_attempts_and_the_servers_bye()
    {
        var budi = DemoParticipant.Get("budi");
        var card = budi.IdKeys(byCard: true);
        var scenario = new SippKeysScenario()
            .Pause(300)
            // Real dates, none of them Budi's (17081985): each is "not verified", never "invalid".
            .Keys("11" + card + "18081985" + card + "17081986" + card + "01011990")
            // The SIPp call fails unless the server hangs up (after too-many-attempts and goodbye).
            .AwaitServerBye(70_000);

        var (_, record) = await VikaSippCall.RunAsync(fixture.Server, scenario, TimeSpan.FromSeconds(85));

        var described = VikaAssert.Describe(record);
        VikaAssert.NodesInOrder(
            record, "verify", "not-verified", "enter-id", "verify", "not-verified", "enter-id", "verify", "too-many-attempts", "goodbye", "end");
        Assert.True(record.CountNode("verify") == 3, described);
        Assert.True(record.CountNode("not-verified") == 2, "the third failure says too-many-attempts instead\n" + described);
        Assert.True(record.Outcome == "too-many-attempts", described);
        Assert.True(record.EndedBy == "server", described);
        Assert.DoesNotContain("status-answer", record.Nodes);
        VikaAssert.NoPersonalData(record, budi);
    }
}
