using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// The database becomes unusable between the number and the birth date: verification fails,
/// the caller hears system-busy and is back at the VIKA menu, where a key still works; the call
/// record says why, without the caller's personal data.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class DatabaseOutageTests(VikaOutageServerFixture fixture) : IClassFixture<VikaOutageServerFixture>
{
    [Fact]
    public async Task Broken_database_during_a_call_gives_system_busy_and_the_call_goes_on()
    {
        var server = fixture.Server;
        var siti = DemoParticipant.Get("siti");
        var scenario = new SippKeysScenario()
            .Pause(300)
            .Keys("11" + siti.IdKeys(byCard: true))
            // The test breaks the database in this pause (3 s after the start).
            .Pause(4000)
            .Keys(siti.BirthDate)
            // system-busy (6 s) and the VIKA menu prompt play; 2 (bill) waits in the queue for the menu.
            .Pause(14_000)
            .Keys("2")
            // After a complete birth date the server does not let keys stop prompts (see
            // BargeInAfterNikTests): 2 is taken only when the menu prompt ends (~24 s).
            .Pause(6000)
            .HangUp();
        var outage = new DatabaseOutage(server.DataDir);

        var (_, record) = await VikaSippCall.RunAsync(server, scenario, TimeSpan.FromSeconds(60), async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            outage.Break();
            // Verification runs at ~5.5 s; the record is written when the call ends (~27 s).
            await Task.Delay(TimeSpan.FromSeconds(9));
            outage.Restore();
        });

        var described = VikaAssert.Describe(record);
        VikaAssert.NodesInOrder(record, "vika-menu", "enter-id", "enter-dob", "verify", "vika-menu", "choose-bill", "enter-id");
        Assert.True(record.Events.Contains("play system-busy"), described);
        Assert.DoesNotContain("status-answer", record.Nodes);
        Assert.DoesNotContain("not-verified", record.Nodes);
        Assert.True(record.Failures.Count > 0, "the record does not say why\n" + described);
        Assert.True(record.Failures.Any(f => f.Contains("verify-participant", StringComparison.Ordinal)), described);
        Assert.True(record.EndedBy == "caller", described);
        VikaAssert.NoPersonalData(record, siti);
    }
}
