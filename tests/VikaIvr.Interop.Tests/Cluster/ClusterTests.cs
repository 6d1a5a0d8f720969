using VikaIvr.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// Issue 11, must-show 4, on one running cluster (scripts/cluster.sh start --nodes 3): calls
/// through Kamailio spread over the nodes; with PostgreSQL (part C) every record names its node and
/// a prompt recorded by phone on one node is what another node plays.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed partial class ClusterTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Three_hundred_calls_through_Kamailio_spread_evenly_over_the_three_nodes()
    {
        var cluster = fixture.Cluster;
        const int calls = 300;
        var run = new SippRun { Scenario = "uac_call.xml", Calls = calls, RatePerSecond = 25, PauseMs = 1000, Timeout = TimeSpan.FromSeconds(90) };

        var result = await SippRunner.RunAsync(run, cluster.KamailioEndPoint);

        Assert.True(result.AllSucceeded(calls), result.Describe() + "\n" + cluster.Describe());
        var ids = Enumerable.Range(1, calls).Select(run.CallId).ToList();
        var records = Ours(await ClusterCallRecords.WaitForAsync(cluster, ids, TimeSpan.FromSeconds(30)), run);
        Assert.Equal(calls, records.Select(r => r.CallId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(calls, records.Count);
        var spread = cluster.Nodes.ToDictionary(n => n.Id, n => records.Count(r => r.NodeId == n.Id));
        output.WriteLine($"{calls} calls through Kamailio ({cluster.Provider}): " + string.Join(", ", spread.Select(s => $"{s.Key} {s.Value}")));
        foreach (var (node, count) in spread)
        {
            // Within ±20 % of a third.
            Assert.True(count is >= 80 and <= 120, $"{node} took {count} of {calls} calls: " + string.Join(", ", spread));
        }
    }

    /// <summary>Needs part C (scripts/postgres.sh, Data:Provider=postgres, the node id on call records).</summary>
    [Fact]
    public async Task Every_call_record_of_every_node_is_in_PostgreSQL_with_the_node_that_took_the_call()
    {
        var cluster = fixture.Cluster;
        Assert.True(cluster.Provider == ClusterProvider.Postgres,
            $"the cluster runs on {cluster.Provider}: this needs scripts/postgres.sh and Data:Provider=postgres (issue 11 part C)");
        const int calls = 30;
        var run = new SippRun { Scenario = "uac_call.xml", Calls = calls, RatePerSecond = 10, PauseMs = 500, Timeout = TimeSpan.FromSeconds(60) };

        var result = await SippRunner.RunAsync(run, cluster.KamailioEndPoint);

        Assert.True(result.AllSucceeded(calls), result.Describe() + "\n" + cluster.Describe());
        var ids = Enumerable.Range(1, calls).Select(run.CallId).ToList();
        var records = Ours(await ClusterCallRecords.WaitForAsync(cluster, ids, TimeSpan.FromSeconds(30)), run);
        Assert.Equal(calls, records.Count);
        foreach (var id in ids)
        {
            var record = Assert.Single(records, r => r.CallId == id);
            // The node whose SIP log shows the INVITE is the node the record names.
            Assert.Equal(cluster.NodeThatReceived(id).Id, record.NodeId);
            Assert.NotNull(record.EndedAt);
        }

        Assert.Equal(cluster.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), records.Select(r => r.NodeId).Distinct().Order(StringComparer.Ordinal));
    }

    private static List<ClusterCallRecord> Ours(IReadOnlyList<ClusterCallRecord> records, SippRun run) =>
        records.Where(r => r.CallId.StartsWith(run.CallIdPrefix + "-", StringComparison.Ordinal)).ToList();
}
