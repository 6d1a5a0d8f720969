using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Sip;

/// <summary>
/// Overload answers of a real `vika serve`: Sip:MaxCalls answered at once with 503 + Retry-After,
/// and an INVITE flood (SIPp, never ACKing) from one source banned while callers from another
/// loopback address are answered throughout; afterwards the server holds no call.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class OverloadTests
{
    [Fact]
    public async Task Call_n_plus_1_over_max_calls_gets_503_with_retry_after_at_once()
    {
        await using var server = await ServeDrainTests.StartAsync(drainSeconds: 0, new Dictionary<string, string> { ["VIKA_Sip__MaxCalls"] = "2" });
        var run = new SippRun { Scenario = "uac_call.xml", Calls = 2, RatePerSecond = 10, PauseMs = 5000, Timeout = TimeSpan.FromSeconds(30) };
        var sipp = SippRunner.RunAsync(run, server.SipEndPoint);
        await ServeDrainTests.WaitForCallsAsync(server, run, 2);

        var (status, retryAfter) = await SipInviteProbe.ProbeAsync(server.SipEndPoint, TimeSpan.FromSeconds(2));

        Assert.True(status == 503, $"call 3 of MaxCalls 2: {status}\n{server.Output}");
        Assert.Equal("5", retryAfter);
        var result = await sipp;
        Assert.True(result.AllSucceeded(2), result.Describe() + "\n" + server.Output);
    }

    [Fact]
    public async Task An_invite_flood_from_one_source_is_banned_while_another_source_is_answered_and_nothing_is_held_after()
    {
        await using var server = await ServeDrainTests.StartAsync(
            drainSeconds: 0,
            new Dictionary<string, string> { ["VIKA_Sip__SourceBanSeconds"] = "3", ["VIKA_Sip__MaxCallsPerSourcePerSecond"] = "30" },
            ["--stats-seconds", "1"]);
        var flood = new SippRun
        {
            Scenario = "uac_invite_no_ack.xml", Calls = 900, RatePerSecond = 300, Timeout = TimeSpan.FromSeconds(20),
            ExtraArguments = ["-l", "2000"],
        };
        var legitimate = new SippRun { Scenario = "uac_call.xml", LocalAddress = "127.0.0.2", Calls = 10, RatePerSecond = 2, PauseMs = 500, Timeout = TimeSpan.FromSeconds(30) };

        var floodRun = SippRunner.RunAsync(flood, server.SipEndPoint);
        var legitimateRun = SippRunner.RunAsync(legitimate, server.SipEndPoint);
        var calls = await legitimateRun;
        var flooded = await floodRun;

        Assert.True(calls.AllSucceeded(10), "calls from 127.0.0.2 during the flood:\n" + calls.Describe() + "\n" + server.Output);
        Assert.True(flooded.Statistics.TotalCalls >= 900, flooded.Describe());
        await ServeDrainTests.WaitUntilAsync(server, () => server.Output.Contains("Sip refused ", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the refusal summary");
        Assert.Matches(@"Sip refused \d+ requests in the last \d+ s: .*source-banned \d+.*; top sources 127\.0\.0\.1 \(\d+\)", server.Output);
        Assert.DoesNotMatch(@"top sources [^\n]*127\.0\.0\.2", server.Output);

        // The answered flood calls end at timer H (no ACK): their ports go back and the server holds nothing.
        var stats = new Regex(@"stats: (\d+) calls");
        await ServeDrainTests.WaitUntilAsync(
            server,
            () => stats.Matches(server.Output) is { Count: > 0 } m && m[^1].Groups[1].Value == "0" && server.Output.Contains("no ACK for the 2xx", StringComparison.Ordinal),
            TimeSpan.FromSeconds(45), "no call held after the flood");
        var after = await SipInviteProbe.ProbeAsync(server.SipEndPoint, TimeSpan.FromSeconds(5), from: "127.0.0.3");
        Assert.True(after.Status == 200, $"a call after the flood: {after.Status}\n{server.Output}");
    }
}
