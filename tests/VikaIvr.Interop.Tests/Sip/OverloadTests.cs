using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace VikaIvr.Interop.Tests.Sip;

/// <summary>
/// Overload answers of a real `vika serve`: Sip:MaxCalls answered at once with 503 + Retry-After,
/// and an INVITE flood (SIPp, never ACKing) from one source banned while callers from another
/// loopback address are answered throughout; within 5 s of the flood's end the server holds no call and no RTP port.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class OverloadTests(ITestOutputHelper output)
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
    public async Task An_invite_flood_from_one_source_is_banned_while_another_source_is_answered_and_the_server_is_back_to_normal_within_5_s()
    {
        await using var server = await ServeDrainTests.StartAsync(
            drainSeconds: 0,
            new Dictionary<string, string> { ["VIKA_Sip__SourceBanSeconds"] = "3", ["VIKA_Sip__MaxCallsPerSourcePerSecond"] = "30" },
            ["--stats-seconds", "1"]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // Must show 2: 300 INVITEs a second from one source for 10 s; callers from another address all through it.
        var flood = new SippRun
        {
            Scenario = "uac_invite_no_ack.xml", Calls = 3000, RatePerSecond = 300, Timeout = TimeSpan.FromSeconds(40),
            ExtraArguments = ["-l", "2000"],
        };
        var legitimate = new SippRun { Scenario = "uac_call.xml", LocalAddress = "127.0.0.2", Calls = 18, RatePerSecond = 2, PauseMs = 500, Timeout = TimeSpan.FromSeconds(40) };

        var floodRun = SippRunner.RunAsync(flood, server.SipEndPoint);
        var legitimateRun = SippRunner.RunAsync(legitimate, server.SipEndPoint);
        var flooded = await floodRun;
        // SIPp exits once its last INVITE is answered: the flood's end (a little late, which only favours the flood).
        var sinceFloodEnd = Stopwatch.StartNew();
        var calls = await legitimateRun;

        // Normal state within 5 s of the flood's end: no call in progress (the SIP stack's count in the stats
        // line, the call service's in /metrics: a call leaves it only after its media gave its ports back),
        // and every RTP port of the server's range free to bind again. The flood's answered INVITEs are never
        // acknowledged; they must be abandoned at the ban, not held until timer H (32 s).
        var stats = new Regex(@"stats: (\d+) calls");
        bool normal = false;
        string state = "not checked";
        while (!normal && sinceFloodEnd.Elapsed < TimeSpan.FromSeconds(5))
        {
            var active = await CallsActiveAsync(http, server);
            var sipCalls = stats.Matches(server.Output) is { Count: > 0 } m ? m[^1].Groups[1].Value : "none";
            var busy = active == 0 && sipCalls == "0" ? BusyRtpPort(server.RtpPorts) : null;
            state = $"vika_calls_active {active}, last stats line {sipCalls} calls, busy RTP port {busy?.ToString(CultureInfo.InvariantCulture) ?? "none checked"}";
            normal = active == 0 && sipCalls == "0" && busy is null;
            if (!normal)
            {
                await Task.Delay(100);
            }
        }

        var toNormal = sinceFloodEnd.Elapsed;
        output.WriteLine(FormattableString.Invariant($"flood: {flooded.Statistics.TotalCalls} INVITEs; {(normal ? "back to normal" : "still not normal")} {toNormal.TotalSeconds:F2} s after its end"));
        output.WriteLine(string.Join('\n', server.Output.Split('\n').Where(l => l.Contains("never acknowledged abandoned", StringComparison.Ordinal))));
        Assert.True(normal, $"not back to normal 5 s after the flood ({state})\n{server.Output}");
        Assert.True(calls.AllSucceeded(18), "calls from 127.0.0.2 during the flood:\n" + calls.Describe() + "\n" + server.Output);
        Assert.True(flooded.Statistics.TotalCalls >= 3000, flooded.Describe());
        Assert.DoesNotContain("no ACK for the 2xx", server.Output, StringComparison.Ordinal);
        await ServeDrainTests.WaitUntilAsync(server, () => server.Output.Contains("Sip refused ", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the refusal summary");
        Assert.Matches(@"Sip refused \d+ requests in the last \d+ s: .*source-banned \d+.*; top sources 127\.0\.0\.1 \(\d+\)", server.Output);
        Assert.DoesNotMatch(@"top sources [^\n]*127\.0\.0\.2", server.Output);

        var after = await SipInviteProbe.ProbeAsync(server.SipEndPoint, TimeSpan.FromSeconds(5), from: "127.0.0.3");
        Assert.True(after.Status == 200, $"a call after the flood: {after.Status}\n{server.Output}");
    }

    /// <summary>The call service's calls in progress, from the admin endpoint's /metrics (-1 when it has no such line).</summary>
    private static async Task<long> CallsActiveAsync(HttpClient http, ServerProcess server)
    {
        var metrics = await http.GetStringAsync(new Uri(server.AdminUrl, "/metrics"));
        var line = Regex.Match(metrics, @"^vika_calls_active(?:\{[^}]*\})? (\S+)", RegexOptions.Multiline);
        return line.Success ? (long)double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    /// <summary>The first port of the server's RTP range something still holds (a bind on any address fails), or null when all are free.</summary>
    private static int? BusyRtpPort((int Low, int High) range)
    {
        for (int port = range.Low; port <= range.High; port++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Any, port));
            }
            catch (SocketException)
            {
                return port;
            }
        }

        return null;
    }
}
