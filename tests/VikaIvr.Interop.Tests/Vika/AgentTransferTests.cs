using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// 0 at the main menu: the transfer prompt, then a REFER whose Refer-To is the configured agent
/// URI (the SIPp scenarios check it with a regexp and fail the call otherwise). Accepted (NOTIFY
/// sipfrag 200): the IVR leaves with its BYE. Failed (NOTIFY 503, or the REFER refused with 603):
/// agents-busy, then the main menu again, and the call goes on.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class AgentTransferTests(VikaServerFixture fixture) : IClassFixture<VikaServerFixture>
{
    [Fact]
    public async Task Accepted_transfer_refers_to_the_agent_and_the_ivr_leaves()
    {
        var run = Run("vika/uac_vika_refer_notify_ok.xml", "200 OK");

        var (_, record) = await VikaSippCall.RunAsync(fixture.Server, run);

        var described = VikaAssert.Describe(record);
        VikaAssert.NodesInOrder(record, "welcome", "main-menu", "agent");
        Assert.True(record.Nodes[^1] == "agent", described);
        Assert.True(record.Outcome == "transferred", described);
        Assert.True(record.EndedBy == "server", described);
        Assert.True(
            record.Events.Any(e => e.StartsWith($"transfer {VikaServerFixture.AgentUri}: accepted", StringComparison.Ordinal)),
            described);
    }

    [Theory]
    [InlineData("vika/uac_vika_refer_notify_fail.xml", "503 Service Unavailable")]
    [InlineData("vika/uac_vika_refer_rejected.xml", "unused")]
    public async Task Failed_transfer_says_agents_busy_and_returns_to_the_main_menu(string scenario, string sipfrag)
    {
        var run = Run(scenario, sipfrag);

        var (_, record) = await VikaSippCall.RunAsync(fixture.Server, run);

        var described = VikaAssert.Describe(record);
        VikaAssert.NodesInOrder(record, "welcome", "main-menu", "agent", "agents-busy", "main-menu");
        Assert.True(record.Outcome != "transferred", described);
        Assert.True(record.EndedBy == "caller", described);
        Assert.True(
            record.Events.Any(e => e.StartsWith($"transfer {VikaServerFixture.AgentUri}: failed", StringComparison.Ordinal)),
            described);
    }

    private static SippRun Run(string scenario, string sipfrag) => new()
    {
        Scenario = scenario,
        Timeout = TimeSpan.FromSeconds(40),
        ExtraArguments = ["-key", "sipfrag", sipfrag],
    };
}
