using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>
/// SIGTERM to `vika serve` with a call up and Server:DrainSeconds = 0 (no drain: ServeDrainTests has
/// the drain): the caller gets a BYE, the record is written, the server exits 0.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ServeStopTests
{
    [Fact]
    public async Task Sigterm_hangs_up_the_call_writes_its_record_and_exits_0()
    {
        await using var server = await ServerProcess.StartAsync(new ServerOptions
        {
            Environment = new Dictionary<string, string> { ["VIKA_Server__DrainSeconds"] = "0" },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var caller = await Testing.Caller.TestCaller.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", new TestCallerOptions(), null, timeout.Token);
        Assert.True(caller.IsEstablished, $"{caller.FinalResponse?.StatusCode}\n{server.Output}");
        // The flow is running once the server's audio (the welcome prompt) arrives.
        Assert.True(await HeardAudioAsync(caller, TimeSpan.FromSeconds(15)), server.Output);

        await server.TerminateAsync();

        int bye = await caller.WaitForEventAsync(e => e.Kind == SipOutgoingEventKind.ByeReceived, 0, TimeSpan.FromSeconds(20), timeout.Token);
        Assert.True(bye >= 0, $"no BYE from the stopping server; events: {string.Join(", ", caller.History)}\n{server.Output}");
        int status = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(status == 0, $"exit status {status}\n{server.Output}");
        Assert.Contains("Stopping: 1 calls in progress", server.Output, StringComparison.Ordinal);

        var records = await CdrReader.ReadAsync(server, 10);
        var record = Assert.Single(records, r => r.CallId == caller.Call.CallId);
        Assert.NotNull(record.EndedAt);
        Assert.Equal("165", record.Called);
    }

    /// <summary>Polls the received-packet count (the test caller has no event for it), bounded.</summary>
    private static async Task<bool> HeardAudioAsync(Testing.Caller.TestCaller caller, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (caller.Received.Packets < 5)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
