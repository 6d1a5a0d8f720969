using System.Globalization;
using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>The flood and the held TCP connections.</summary>
public sealed partial class SipAbuseTests
{
    private const string FloodSource = "127.0.0.1";
    private const string CallerSource = "127.0.0.2";
    private const int HeldConnections = 3000;

    [Fact]
    public async Task A_300_per_second_flood_gets_its_source_banned_while_every_call_from_another_source_is_answered()
    {
        await using var flood = new SipFlood(Server.SipEndPoint, FloodSource, 300);
        var calls = new SippRun { Scenario = "uac_call.xml", LocalAddress = CallerSource, Calls = 10, RatePerSecond = 2, PauseMs = 500, Timeout = TimeSpan.FromSeconds(40) };

        // The flood runs from before the first call until after the last one.
        flood.Start();
        var result = await SippRunner.RunAsync(calls, Server.SipEndPoint);
        await flood.StopAsync();

        output.WriteLine(FormattableString.Invariant($"flood: {flood.Sent} requests in {flood.Elapsed.TotalSeconds:F1} s, {flood.Received} answers"));
        Assert.True(result.AllSucceeded(10), $"calls from {CallerSource} during the flood:\n{result.Describe()}\n{Server.Output}");
        await ServeDrainTests.WaitUntilAsync(Server, () => CountLines($"SECURITY event=source-banned src={FloodSource} ") > 0, TimeSpan.FromSeconds(10),
            $"the source-banned event of {FloodSource}");
        var banned = Server.Output.Split('\n').First(l => l.Contains($"SECURITY event=source-banned src={FloodSource} ", StringComparison.Ordinal));
        output.WriteLine(banned);
        Assert.Matches(@"SECURITY event=source-banned src=127\.0\.0\.1 port=\d+ detail=""method=(OPTIONS|INVITE) ban=\d+s""", banned);
        Assert.Equal(0, CountLines($"SECURITY event=source-banned src={CallerSource} "));
        Assert.True(flood.Sent >= 300, FormattableString.Invariant($"the flood sent only {flood.Sent} requests"));
    }

    [Fact]
    public async Task Three_thousand_held_tcp_connections_from_one_source_do_not_stop_tcp_calls_from_another()
    {
        var limit = File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = long.Parse(limit.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], CultureInfo.InvariantCulture);
        Assert.True(soft > HeldConnections + 500, $"the test process may open only {soft} files (raise the hard limit: ulimit -Hn); it needs {HeldConnections} sockets");

        await using var hold = new TcpHold(Server.SipEndPoint, FloodSource);
        await hold.OpenAsync(HeldConnections);
        hold.StartTrickle();
        // The server keeps Sip:MaxTcpConnectionsPerSource (32) of them and closes the rest at accept.
        await ServeDrainTests.WaitUntilAsync(Server, () => hold.ClosedCount() >= HeldConnections - 32, TimeSpan.FromSeconds(30),
            $"{HeldConnections - 32} of {HeldConnections} connections closed at accept");
        var heldAtFirstCall = HeldConnections - hold.ClosedCount();

        var calls = new SippRun { Scenario = "uac_call.xml", Transport = "t1", LocalAddress = CallerSource, Calls = 3, RatePerSecond = 3, PauseMs = 500 };
        var result = await SippRunner.RunAsync(calls, Server.SipEndPoint);
        var heldAfterCalls = HeldConnections - hold.ClosedCount();

        output.WriteLine($"held by {FloodSource} when the calls began: {heldAtFirstCall}, when they ended: {heldAfterCalls}");
        Assert.True(heldAtFirstCall is > 0 and <= 32, $"{heldAtFirstCall} connections held when the calls began (0 < held <= 32)");
        Assert.True(result.AllSucceeded(3), $"TCP calls from {CallerSource}:\n{result.Describe()}\n{Server.Output}");

        // A byte a second does not keep a connection: every one is closed at the first-message limit.
        await ServeDrainTests.WaitUntilAsync(Server, () => hold.ClosedCount() == HeldConnections,
            TimeSpan.FromSeconds(AbuseServerFixture.TcpFirstMessageSeconds + 10), "every trickling connection closed at the first-message limit");
    }
}
