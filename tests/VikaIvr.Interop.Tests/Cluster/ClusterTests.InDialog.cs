using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cluster;

public sealed partial class ClusterTests
{
    /// <summary>
    /// Record-routing: every request inside a call goes through Kamailio to the node that took it,
    /// both ways — the caller's ACK, INFO keys and NOTIFY, the node's REFER (0 = the agent) and BYE.
    /// </summary>
    [Fact]
    public async Task In_dialog_requests_of_both_sides_follow_the_call_through_Kamailio()
    {
        var cluster = fixture.Cluster;
        var run = new SippRun
        {
            Scenario = "vika/uac_vika_refer_notify_ok.xml",
            Timeout = TimeSpan.FromSeconds(40),
            ExtraArguments = ["-key", "sipfrag", "200 OK"],
        };

        var result = await SippRunner.RunAsync(run, cluster.KamailioEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n" + cluster.Describe());
        var node = cluster.NodeThatReceived(run.CallId());
        var record = Assert.Single(await ClusterCallRecords.WaitForAsync(cluster, [run.CallId()], TimeSpan.FromSeconds(20)), r => r.CallId == run.CallId());
        Assert.Equal(node.Id, record.NodeId);
        Assert.NotNull(record.EndedAt);

        // The node's REFER and BYE reached the caller with Kamailio's Via on top of the node's.
        var kamailioVia = $"Via: SIP/2.0/UDP 127.0.0.1:{cluster.KamailioPort};branch=";
        var nodeVia = $"Via: SIP/2.0/UDP 127.0.0.1:{node.SipPort};";
        foreach (var method in new[] { "REFER", "BYE" })
        {
            var received = ReceivedRequest(result.MessageLog, method);
            Assert.True(received is not null, $"SIPp received no {method}\n{result.Describe()}");
            var kamailioAt = received.IndexOf(kamailioVia, StringComparison.Ordinal);
            var nodeAt = received.IndexOf(nodeVia, StringComparison.Ordinal);
            Assert.True(kamailioAt >= 0 && nodeAt > kamailioAt, $"the {method} did not come from {node.Id} through Kamailio:\n{received}");
        }
    }

    /// <summary>The text of the first request <paramref name="method"/> in SIPp's message log that SIPp received.</summary>
    private static string? ReceivedRequest(string messageLog, string method)
    {
        foreach (var block in messageLog.Split("message received", StringSplitOptions.None).Skip(1))
        {
            var start = block.IndexOf('\n', StringComparison.Ordinal);
            var text = start < 0 ? block : block[(start + 1)..].TrimStart();
            if (text.StartsWith(method + " sip:", StringComparison.Ordinal))
            {
                var end = text.IndexOf("-----", StringComparison.Ordinal);
                return end < 0 ? text : text[..end];
            }
        }

        return null;
    }
}
