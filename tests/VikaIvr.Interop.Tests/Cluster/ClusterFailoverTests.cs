using System.Diagnostics;
using VikaIvr.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// Issue 11, must-show 4: `kill -9` of one node while calls run through Kamailio. Within 10 s
/// Kamailio's OPTIONS probes take it out of rotation, and at least 99 % of the calls placed after
/// the kill succeed (Kamailio fails a call over to the next node when the dead one stays silent).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_node_killed_mid_run_leaves_the_rotation_within_10_s_and_the_calls_placed_after_succeed()
    {
        await using var cluster = await LocalCluster.StartAsync(3, ClusterProvider.Default);
        var victim = cluster.Nodes[1];

        // Calls in progress on every node when the kill comes.
        var load = new SippRun { Scenario = "uac_call.xml", Calls = 150, RatePerSecond = 15, PauseMs = 3000, Timeout = TimeSpan.FromSeconds(60) };
        var loading = SippRunner.RunAsync(load, cluster.KamailioEndPoint);
        Assert.True(await Eventually.WaitAsync(() => victim.CallsReceived(load.CallIdPrefix) >= 5, TimeSpan.FromSeconds(30)),
            $"{victim.Id} got no calls of the run\n{cluster.Describe()}");

        await victim.KillAsync();
        var sinceKill = Stopwatch.StartNew();
        const int after = 200;
        var afterRun = new SippRun { Scenario = "uac_call.xml", Calls = after, RatePerSecond = 20, PauseMs = 1000, Timeout = TimeSpan.FromSeconds(60) };
        var placingAfter = SippRunner.RunAsync(afterRun, cluster.KamailioEndPoint);

        var left = await KamailioDispatcher.WaitForStateAsync(cluster.ControlSocket, victim.SipPort, active: false, TimeSpan.FromSeconds(10));
        var outAfter = sinceKill.Elapsed;
        Assert.True(left is not null, $"Kamailio still sends to {victim.Id} 10 s after kill -9\n{cluster.Describe()}");
        Assert.Equal(137, await victim.WaitForExitAsync(TimeSpan.FromSeconds(10)));

        var afterResult = await placingAfter;
        var loadResult = await loading;
        output.WriteLine($"kill -9 {victim.Id}: out of Kamailio's rotation after {outAfter.TotalSeconds:0.0} s; " +
            $"calls placed after the kill: {afterResult.Statistics.SuccessfulCalls} of {after} succeeded; " +
            $"the run the kill hit: {loadResult.Statistics.SuccessfulCalls} of {load.Calls} ({loadResult.Statistics.FailedCalls} failed)");
        Assert.True(afterResult.Statistics.SuccessfulCalls >= after * 0.99,
            $"only {afterResult.Statistics.SuccessfulCalls} of {after} calls placed after the kill succeeded\n{afterResult.Describe()}\n{cluster.Describe()}");

        // The calls after the kill went to the two nodes left (none was answered by the dead one).
        var ids = Enumerable.Range(1, after).Select(afterRun.CallId).ToList();
        var records = (await ClusterCallRecords.WaitForAsync(cluster, ids, TimeSpan.FromSeconds(30)))
            .Where(r => r.CallId.StartsWith(afterRun.CallIdPrefix + "-", StringComparison.Ordinal)).ToList();
        Assert.True(records.Count >= afterResult.Statistics.SuccessfulCalls, $"{records.Count} records for {afterResult.Statistics.SuccessfulCalls} calls");
        Assert.DoesNotContain(records, r => r.NodeId == victim.Id);
    }
}
