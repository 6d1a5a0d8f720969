using System.Diagnostics;
using VikaIvr.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// Issue 11, must-show 4, the drain (needs part A: SIGTERM drains, OPTIONS answers 503 while
/// draining): SIGTERM to one node with calls in progress through Kamailio. Its calls finish, it
/// takes no new ones (Kamailio's probe sees the 503 and sends elsewhere; an INVITE that still
/// reaches it gets 503 and Kamailio tries the next node), and it exits 0.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ClusterDrainTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_node_sent_SIGTERM_finishes_its_calls_takes_no_new_ones_and_exits_0()
    {
        await using var cluster = await LocalCluster.StartAsync(3, ClusterProvider.Default, "Server:DrainSeconds=60");
        var draining = cluster.Nodes[2];
        const int calls = 150;
        var run = new SippRun { Scenario = "uac_call.xml", Calls = calls, RatePerSecond = 15, PauseMs = 4000, Timeout = TimeSpan.FromSeconds(90) };
        var running = SippRunner.RunAsync(run, cluster.KamailioEndPoint);
        Assert.True(await Eventually.WaitAsync(() => draining.CallsReceived(run.CallIdPrefix) >= 5, TimeSpan.FromSeconds(30)),
            $"{draining.Id} got no calls of the run\n{cluster.Describe()}");

        var terminatedAt = DateTimeOffset.Now;
        await draining.TerminateAsync();
        var sinceTerm = Stopwatch.StartNew();
        var left = await KamailioDispatcher.WaitForStateAsync(cluster.ControlSocket, draining.SipPort, active: false, TimeSpan.FromSeconds(10));
        var outAfter = sinceTerm.Elapsed;
        Assert.True(left is not null, $"Kamailio still sends to {draining.Id} 10 s after SIGTERM\n{cluster.Describe()}");
        var exitCode = await draining.WaitForExitAsync(TimeSpan.FromSeconds(75));
        var exitedAfter = sinceTerm.Elapsed;
        Assert.True(exitCode == 0, $"{draining.Id} exited {exitCode}\n{ClusterNode.Tail(draining.Log())}");

        var result = await running;
        Assert.True(result.AllSucceeded(calls), result.Describe() + "\n" + cluster.Describe());

        var ids = Enumerable.Range(1, calls).Select(run.CallId).ToList();
        var records = (await ClusterCallRecords.WaitForAsync(cluster, ids, TimeSpan.FromSeconds(30)))
            .Where(r => r.CallId.StartsWith(run.CallIdPrefix + "-", StringComparison.Ordinal)).ToList();
        var drained = records.Where(r => r.NodeId == draining.Id).ToList();
        output.WriteLine($"SIGTERM {draining.Id} with calls in progress: out of Kamailio's rotation after {outAfter.TotalSeconds:0.0} s, " +
            $"exited 0 after {exitedAfter.TotalSeconds:0.0} s; it holds {drained.Count} of {calls} records, all {calls} calls succeeded");
        Assert.NotEmpty(drained);
        foreach (var record in drained)
        {
            // Its calls ended as the caller ended them (not cut by the stop) ...
            Assert.True(record.EndReason == "caller-hangup", $"{record}\n{ClusterNode.Tail(draining.Log())}");
            // ... and none was answered after the SIGTERM.
            Assert.True(record.AnsweredAt is null || record.AnsweredAt <= terminatedAt.AddMilliseconds(500), $"answered during the drain: {record}");
        }

        Assert.Equal(calls, records.Where(r => r.AnsweredAt is not null).Select(r => r.CallId).Distinct(StringComparer.Ordinal).Count());
    }
}
