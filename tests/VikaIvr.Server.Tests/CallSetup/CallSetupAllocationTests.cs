using System.Net;
using Xunit.Abstractions;

namespace VikaIvr.Server.Tests.CallSetup;

[CollectionDefinition(nameof(CallSetupAllocationTests), DisableParallelization = true)]
public sealed class CallSetupAllocationCollection;

/// <summary>
/// A call's set-up in the real `serve` host (INVITE → 100/200 → ACK → media session, ports and
/// receiver → the flow's first prompt on the wire, and the call's open row written) allocates
/// within a fixed budget. The count is the whole process's (see <see cref="CallSetupAllocation"/>),
/// so this class runs alone; it prints the figure per round and a sampled breakdown by type.
/// Issue 14 asks for 8 KB; the budget is today's figure (about 17 KB, from 57 KB and then 42 KB) with a
/// margin for the idle server's own allocations, so a regression fails here while the cuts continue (the
/// open row went from about 13 KB to under 1 KB on one kept connection with prepared statements, the SIP
/// messages from about 14 KB to 7 KB, the media session and SDP answer from about 8 KB to 3 KB).
/// Run: dotnet test tests/VikaIvr.Server.Tests -c Release --filter CallSetupAllocation --logger "console;verbosity=detailed"
/// </summary>
[Collection(nameof(CallSetupAllocationTests))]
public sealed class CallSetupAllocationTests(ITestOutputHelper output)
{
    private const int Calls = 50;
    private const int PerCallSocketsBudget = 24 * 1024;
    private const int SharedPortBudget = 24 * 1024;

    /// <summary>
    /// <paramref name="sharedPort"/>: the server on Media:SharedRtpPort (every call's RTP through one
    /// socket, as in the 2,000-call runs), else a port pair and two sockets per call (the default).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_call_set_up_allocates_within_its_budget(bool sharedPort)
    {
        // SIP 5100-5199 and RTP 44000-44999 are this test's share of the machine's ports (others run beside it).
        int sipPort = SharedPorts.FreeSipPort(5180, 5199);
        int callerSipPort = SharedPorts.FreeSipPort(5180, 5199, except: sipPort);
        await using var server = await InProcessServer.StartAsync(sipPort, (44000, 44497), sharedPort ? 44498 : 0);
        int budgetBytes = sharedPort ? SharedPortBudget : PerCallSocketsBudget;
        output.WriteLine(sharedPort ? "RTP: one shared port (Media:SharedRtpPort)" : "RTP: a port pair per call");
        var measure = new CallSetupAllocation(server, new IPEndPoint(IPAddress.Loopback, sipPort), callerSipPort, 44500);
        // Warm: JIT, pools, the prompt cache, the database connection.
        await measure.RoundAsync(Calls);
        var rounds = new List<CallSetupRound>();
        for (int i = 0; i < 3; i++)
        {
            rounds.Add(await measure.RoundAsync(Calls));
        }

        const int SampledRounds = 6;
        using (var ticks = new AllocationTicks())
        {
            for (int i = 0; i < SampledRounds; i++)
            {
                await measure.RoundAsync(Calls, ticks);
            }

            output.WriteLine("sampled (GCAllocationTick, about one per 100 KB), bytes per call by type:");
            foreach (var (type, bytes) in ticks.ByType().Take(25))
            {
                output.WriteLine(FormattableString.Invariant($"{bytes / (double)(SampledRounds * Calls),10:0} B/call  {type}"));
            }
        }

        double idlePerSecond = await measure.IdleBytesAsync(TimeSpan.FromSeconds(1));
        output.WriteLine(FormattableString.Invariant($"idle server: {idlePerSecond:0} B/s"));
        foreach (var r in rounds)
        {
            output.WriteLine(FormattableString.Invariant(
                $"round: {r.Calls} calls in {r.Elapsed.TotalMilliseconds:0} ms, {r.BytesPerCall} B/call, {r.NetBytesPerCall(idlePerSecond)} B/call less the idle server's (caller thread {r.CallerBytes} B, taken out)"));
        }

        // The best round: a stray background allocation (a readiness refresh, a GC-triggered finalizer) lands in one, not in all.
        long best = rounds.Min(r => r.BytesPerCall);
        Assert.True(best <= budgetBytes, FormattableString.Invariant($"a call's set-up allocated {best} B, over its budget of {budgetBytes} B"));
    }
}
