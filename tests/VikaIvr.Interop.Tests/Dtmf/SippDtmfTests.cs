using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Dtmf;

/// <summary>
/// Key presses reach the flow exactly once, whichever way the caller sends them. The proof is
/// the call record: "1" at the main menu enters the VIKA menu once; "1","1" goes on to enter-id.
/// A digit seen twice would show as a second step (or enter-id after a single "1").
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SippDtmfTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("uac_dtmf_rfc4733_pt101.xml")]
    [InlineData("uac_dtmf_rfc4733_pt96.xml")]
    [InlineData("uac_dtmf_info_relay.xml")]
    [InlineData("uac_dtmf_info_dtmf.xml")]
    [InlineData("uac_dtmf_inband.xml")]
    public async Task One_one_reaches_enter_id_through_the_vika_menu_once(string scenario)
    {
        var record = await CallAsync(scenario);

        Assert.True(record.CountNode(FlowNodes.VikaMenu) == 1, record.ToString());
        Assert.True(record.CountNode(FlowNodes.EnterId) >= 1, record.ToString());
        Assert.True(
            record.Nodes.ToList().IndexOf(FlowNodes.VikaMenu) < record.Nodes.ToList().IndexOf(FlowNodes.EnterId),
            record.ToString());
    }

    [Fact]
    public async Task A_single_rfc4733_one_with_three_end_packets_counts_once()
    {
        var record = await CallAsync("uac_dtmf_rfc4733_pt101_single.xml");

        Assert.True(record.CountNode(FlowNodes.VikaMenu) == 1, record.ToString());
        Assert.True(record.CountNode(FlowNodes.EnterId) == 0, record.ToString());
    }

    private async Task<CallRecordLine> CallAsync(string scenario)
    {
        var server = fixture.Server;
        var run = new SippRun { Scenario = scenario, Timeout = TimeSpan.FromSeconds(30) };

        var result = await SippRunner.RunAsync(run, server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + server.Output);
        return await CdrReader.WaitForAsync(server, r => r.CallId == run.CallId(), TimeSpan.FromSeconds(10));
    }
}
