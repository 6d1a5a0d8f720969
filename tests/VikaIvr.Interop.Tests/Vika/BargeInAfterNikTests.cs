using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// VIKA.md: keys pressed while a prompt plays stop it. A caller who types 16 NIK digits (no '#')
/// and then starts the birth date while enter-dob plays must stop it and be answered within
/// seconds, not after the whole 18 s prompt.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class BargeInAfterNikTests(VikaServerFixture fixture) : IClassFixture<VikaServerFixture>
{
    [Fact]
    public async Task Birth_date_keys_stop_the_enter_dob_prompt_after_a_16_digit_nik()
    {
        var budi = DemoParticipant.Get("budi");
        var scenario = new SippKeysScenario()
            .Pause(300)
            .Keys("11" + budi.Nik)
            // enter-dob (18 s) is playing: the first birth-date key must stop it.
            .Pause(1500)
            .Keys(budi.BirthDate)
            .Pause(4000)
            .HangUp();

        var (_, record) = await VikaSippCall.RunAsync(fixture.Server, scenario, TimeSpan.FromSeconds(40));

        VikaAssert.NodesInOrder(record, "enter-id", "enter-dob", "verify", "load-status", "status-answer");
        Assert.True(record.Outcome == "status-answered", VikaAssert.Describe(record));
    }
}
