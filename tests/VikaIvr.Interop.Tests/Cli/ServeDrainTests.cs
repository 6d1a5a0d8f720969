using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>
/// SIGTERM drains `vika serve`: SIPp calls in progress go on, new INVITEs and OPTIONS get 503 with
/// Retry-After, the rest are cut with BYE at Server:DrainSeconds (or at a second SIGTERM), every
/// record is written and the exit status is 0.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ServeDrainTests
{
    [Fact]
    public async Task Sigterm_lets_20_calls_finish_refuses_new_ones_with_503_retry_after_and_exits_0()
    {
        await using var server = await StartAsync(drainSeconds: 60);
        var run = new SippRun { Scenario = "uac_call.xml", Calls = 20, RatePerSecond = 20, PauseMs = 8000, Timeout = TimeSpan.FromSeconds(45) };
        var sipp = SippRunner.RunAsync(run, server.SipEndPoint);
        await WaitForCallsAsync(server, run, 20);

        await server.TerminateAsync();
        await WaitForLineAsync(server, "Draining (asked by SIGTERM)");

        var (status, retryAfter) = await SipInviteProbe.ProbeAsync(server.SipEndPoint, TimeSpan.FromSeconds(5));
        Assert.True(status == 503, $"INVITE during the drain: {status}\n{server.Output}");
        Assert.Equal("5", retryAfter);
        Assert.Equal(503, await SipOptionsProbe.ProbeAsync(server.SipEndPoint, TimeSpan.FromSeconds(5)));

        var result = await sipp;
        Assert.True(result.AllSucceeded(20), result.Describe() + "\n" + server.Output);
        int exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(40));
        Assert.True(exit == 0, $"exit status {exit}\n{server.Output}");
        Assert.Contains("Drain ended: 20 calls ended by themselves, 0 cut with BYE", server.Output, StringComparison.Ordinal);

        var records = (await CdrReader.ReadAsync(server, 50)).Where(r => r.CallId.StartsWith(run.CallIdPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(20, records.Count);
        Assert.All(records, r => Assert.Equal("caller-hangup", r.EndReason));
        Assert.All(records, r => Assert.NotNull(r.EndedAt));
    }

    [Fact]
    public async Task The_calls_left_at_the_end_of_the_drain_get_bye_and_their_records()
    {
        await using var server = await StartAsync(drainSeconds: 2);
        var run = new SippRun { Scenario = "uac_call.xml", Calls = 4, RatePerSecond = 10, PauseMs = 60000, Timeout = TimeSpan.FromSeconds(30) };
        var sipp = SippRunner.RunAsync(run, server.SipEndPoint);
        await WaitForCallsAsync(server, run, 4);

        await server.TerminateAsync();

        int exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"exit status {exit}\n{server.Output}");
        Assert.Contains("Drain ended: 0 calls ended by themselves, 4 cut with BYE", server.Output, StringComparison.Ordinal);
        await AssertCutAsync(server, run, 4);
        await sipp;
    }

    [Fact]
    public async Task A_second_sigterm_cuts_the_drain_at_once()
    {
        await using var server = await StartAsync(drainSeconds: 300);
        var run = new SippRun { Scenario = "uac_call.xml", Calls = 3, RatePerSecond = 10, PauseMs = 60000, Timeout = TimeSpan.FromSeconds(30) };
        var sipp = SippRunner.RunAsync(run, server.SipEndPoint);
        await WaitForCallsAsync(server, run, 3);

        await server.TerminateAsync();
        await WaitForLineAsync(server, "Draining (asked by SIGTERM)");
        await server.TerminateAsync();

        int exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.True(exit == 0, $"exit status {exit}\n{server.Output}");
        Assert.Contains("Drain cut short (asked by second SIGTERM)", server.Output, StringComparison.Ordinal);
        Assert.Contains("Drain ended: 0 calls ended by themselves, 3 cut with BYE", server.Output, StringComparison.Ordinal);
        await AssertCutAsync(server, run, 3);
        await sipp;
    }

    internal static Task<ServerProcess> StartAsync(int drainSeconds, IReadOnlyDictionary<string, string>? more = null, IReadOnlyList<string>? arguments = null)
    {
        var environment = new Dictionary<string, string> { ["VIKA_Server__DrainSeconds"] = drainSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ServerProcess.StartAsync(new ServerOptions { Environment = environment, ExtraArguments = arguments ?? [] });
    }

    /// <summary>Waits (bounded) until the server logged <paramref name="count"/> calls of <paramref name="run"/> and each was answered.</summary>
    internal static async Task WaitForCallsAsync(ServerProcess server, SippRun run, int count)
    {
        var started = new Regex("Sip call " + Regex.Escape(run.CallIdPrefix) + @"-\d+ to ");
        await WaitUntilAsync(server, () => started.Matches(server.Output).Count >= count, TimeSpan.FromSeconds(20), $"{count} calls of {run.CallIdPrefix}");
    }

    internal static Task WaitForLineAsync(ServerProcess server, string text) =>
        WaitUntilAsync(server, () => server.Output.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(15), text);

    internal static async Task WaitUntilAsync(ServerProcess server, Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not seen within {within.TotalSeconds:0} s: {what}\n{server.Output}");
            await Task.Delay(100);
        }
    }

    private static async Task AssertCutAsync(ServerProcess server, SippRun run, int count)
    {
        var records = (await CdrReader.ReadAsync(server, 50)).Where(r => r.CallId.StartsWith(run.CallIdPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(count, records.Count);
        Assert.All(records, r => Assert.Equal("shutdown", r.EndReason));
        Assert.All(records, r => Assert.Equal("system", r.EndedBy));
        Assert.All(records, r => Assert.NotNull(r.EndedAt));
    }
}
