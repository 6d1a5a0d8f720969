using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cluster;

public sealed partial class ClusterTests
{
    /// <summary>
    /// Kamailio's pike at the edge: a source flooding requests (300 OPTIONS a second from
    /// 127.0.0.2) is banned after its first few hundred, while calls from another address go on.
    /// </summary>
    [Fact]
    public async Task A_flooding_source_is_banned_at_Kamailio_while_other_callers_are_served()
    {
        var cluster = fixture.Cluster;
        const int flood = 1500;
        var flooding = SippRunner.RunAsync(
            new SippRun
            {
                Scenario = "uac_options.xml", Calls = flood, RatePerSecond = 300, Timeout = TimeSpan.FromSeconds(40),
                ExtraArguments = ["-i", "127.0.0.2", "-l", "2000"],
            },
            cluster.KamailioEndPoint);
        const int calls = 30;
        var callers = await SippRunner.RunAsync(
            new SippRun { Scenario = "uac_call.xml", Calls = calls, RatePerSecond = 10, PauseMs = 500, Timeout = TimeSpan.FromSeconds(60) },
            cluster.KamailioEndPoint);
        var flooded = await flooding;

        output.WriteLine($"flood of {flood} OPTIONS at 300/s from 127.0.0.2: {flooded.Statistics.SuccessfulCalls} answered, " +
            $"{flooded.Statistics.FailedCalls} dropped; {callers.Statistics.SuccessfulCalls} of {calls} calls from 127.0.0.1 succeeded");
        Assert.True(callers.AllSucceeded(calls), callers.Describe() + "\n" + cluster.Describe());
        // Answered until pike saw the flood (200 requests per 2 s), then dropped for the ban.
        Assert.InRange(flooded.Statistics.SuccessfulCalls, 1, flood / 2);
        Assert.Contains("pike: 127.0.0.2", File.ReadAllText(Path.Combine(cluster.Dir, "kamailio.log")), StringComparison.Ordinal);
    }
}
