using System.Net;

namespace VikaIvr.Server.Tests.CallSetup;

/// <summary>
/// What a call's set-up allocates in the server: rounds of calls set up one after another by a
/// <see cref="RawSipCaller"/> (INVITE → 200 → ACK → first RTP packet of the first prompt) and their
/// open rows written by the record writer, counted with <c>GC.GetTotalAllocatedBytes(precise: true)</c>
/// over the whole process, less what the caller's own thread allocated, divided by the calls. The
/// calls stay up during the round (their prompts play allocation-free) and are hung up after it.
/// </summary>
public sealed class CallSetupAllocation(InProcessServer server, IPEndPoint sip, int callerSipPort, int firstCallerRtpPort)
{
    private int _round;

    /// <summary>
    /// What the idle server (no calls) allocates in <paramref name="window"/>: the background the
    /// rounds' figures include (readiness refresh, timers), reported beside them.
    /// </summary>
    public async Task<long> IdleBytesAsync(TimeSpan window)
    {
        await WaitIdleAsync();
        long start = GC.GetTotalAllocatedBytes(precise: true);
        await Task.Delay(window);
        return GC.GetTotalAllocatedBytes(precise: true) - start;
    }

    /// <summary>Sets up <paramref name="calls"/> calls, counts, hangs them up; bytes per call.</summary>
    public async Task<CallSetupRound> RoundAsync(int calls, AllocationTicks? ticks = null)
    {
        using var caller = new RawSipCaller(sip, callerSipPort, firstCallerRtpPort, calls, FormattableString.Invariant($"r{_round++}"));
        // No collection is forced here: a full one makes the runtime trim its shared array pools (their
        // gen-2 callback), and the round would count the pools filling up again, not the calls.
        await WaitIdleAsync();
        if (ticks is not null)
        {
            ticks.Counting = true;
        }

        long startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        long start = GC.GetTotalAllocatedBytes(precise: true);
        long callerStart = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            caller.SetUp(i);
        }

        long callerBytes = GC.GetAllocatedBytesForCurrentThread() - callerStart;
        await server.FlushRecordsAsync();
        long total = GC.GetTotalAllocatedBytes(precise: true) - start;
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(startedAt);
        if (ticks is not null)
        {
            ticks.Counting = false;
        }

        caller.HangUpAll();
        await WaitIdleAsync();

        return new CallSetupRound(calls, total - callerBytes, callerBytes, elapsed);
    }

    private async Task WaitIdleAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (server.ActiveCalls > 0)
        {
            await Task.Delay(10, deadline.Token);
        }

        await server.FlushRecordsAsync();
    }
}

/// <summary>One round's count: the server's bytes (the caller's own thread taken out) per call set up.</summary>
public sealed record CallSetupRound(int Calls, long ServerBytes, long CallerBytes, TimeSpan Elapsed)
{
    public long BytesPerCall => ServerBytes / Calls;

    /// <summary>Per call, less what the idle server allocates over the round's time (<paramref name="idleBytesPerSecond"/>).</summary>
    public long NetBytesPerCall(double idleBytesPerSecond) => (long)((ServerBytes - idleBytesPerSecond * Elapsed.TotalSeconds) / Calls);
}
