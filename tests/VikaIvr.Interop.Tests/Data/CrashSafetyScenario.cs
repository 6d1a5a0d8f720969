using VikaIvr.Data;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Ports;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Data;

/// <summary>
/// What every store provider must show with a real `vika serve`: a call taken end to end leaves its
/// record with the node id; kill -9 with calls up, then a restart: the ended call's record is intact,
/// the calls cut are marked "crash", the database opens cleanly.
/// </summary>
public abstract class CrashSafetyScenario
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    protected string NodeId { get; } = "interop-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>How the server is started (its store settings), the same before and after the crash.</summary>
    protected abstract ServerOptions Options();

    /// <summary>The store the server writes to, opened by the test.</summary>
    protected abstract IVikaDatabase Database();

    /// <summary>After the crash, before the restart: the database is intact.</summary>
    protected abstract Task AssertIntactAsync();

    protected async Task RunAsync()
    {
        var store = new DbCallRecordStore(Database(), NodeId);
        string endedCallId;
        var cut = new List<string>();
        await using (var server = await ServerProcess.StartAsync(Options()))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await using (var first = await DialAsync(server, timeout.Token))
            {
                endedCallId = first.Call.CallId;
                await first.HangupAsync(timeout.Token);
            }

            var ended = await WaitForAsync(store, r => r.CallId == endedCallId && r.EndReason == "caller-hangup", server);
            Assert.Equal(NodeId, ended.NodeId);

            var callers = new List<Testing.Caller.TestCaller>();
            try
            {
                for (int i = 0; i < 3; i++)
                {
                    var caller = await DialAsync(server, timeout.Token);
                    callers.Add(caller);
                    cut.Add(caller.Call.CallId);
                }

                // Each answered call has its open row before the crash.
                foreach (string id in cut)
                {
                    await WaitForAsync(store, r => r.CallId == id && r.EndReason == DbCallRecordStore.InProgress, server);
                }

                var kill = await ProcessRunner.RunAsync("kill", ["-KILL", server.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
                Assert.True(kill.ExitCode == 0, kill.Describe());
                await server.WaitForExitAsync(TimeSpan.FromSeconds(10));
            }
            finally
            {
                foreach (var caller in callers) await caller.DisposeAsync();
            }
        }

        await AssertIntactAsync();

        await using (var restarted = await ServerProcess.StartAsync(Options()))
        {
            Assert.Contains($"3 call(s) of node {NodeId} were cut by the previous stop (crash)", restarted.Output, StringComparison.Ordinal);
            var records = (await store.GetLastAsync(20, default)).ToDictionary(r => r.CallId);
            Assert.Equal("caller-hangup", records[endedCallId].EndReason);
            Assert.NotNull(records[endedCallId].EndedAt);
            foreach (string id in cut)
            {
                var record = records[id];
                Assert.Equal(DbCallRecordStore.Crash, record.EndReason);
                Assert.Null(record.EndedAt);
                Assert.Equal(NodeId, record.NodeId);
                Assert.Contains(DbCallRecordStore.CrashFailure, record.Failures);
            }
        }
    }

    private static async Task<Testing.Caller.TestCaller> DialAsync(ServerProcess server, CancellationToken ct)
    {
        var caller = await Testing.Caller.TestCaller.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", new TestCallerOptions(), null, ct);
        Assert.True(caller.IsEstablished, $"{caller.FinalResponse?.StatusCode}\n{server.Output}");
        return caller;
    }

    private static async Task<CallRecord> WaitForAsync(DbCallRecordStore store, Func<CallRecord, bool> match, ServerProcess server)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var records = await store.GetLastAsync(20, default);
            foreach (var r in records)
            {
                if (match(r)) return r;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no matching call record within {Wait.TotalSeconds:0} s; records: " +
                    string.Join("; ", records.Select(r => $"{r.CallId} {r.EndReason} {r.NodeId}")) + "\n" + server.Output);
            }

            await Task.Delay(200);
        }
    }
}
