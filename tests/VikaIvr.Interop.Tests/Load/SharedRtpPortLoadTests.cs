using System.Globalization;
using System.Net;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;
using Caller = VikaIvr.Testing.Caller.TestCaller;

namespace VikaIvr.Interop.Tests.Load;

/// <summary>
/// `vika serve` with Media:SharedRtpPort: the load tester on one port of its own (each call
/// announcing its SSRC) and callers on a port pair each are all answered on the server's shared
/// port, and every call hears its own prompts and has its own keys understood.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SharedRtpPortLoadTests(SharedRtpPortServerFixture fixture) : IClassFixture<SharedRtpPortServerFixture>
{
    [Fact]
    public async Task Twenty_calls_from_one_shared_port_following_a_script_all_pass_their_expectations()
    {
        var server = fixture.Server;
        var script = Path.Combine(RepoPaths.Root, "tests", "scripts", "caller-hangs-up.vks");
        // The tester's port, clear of the server's shared port (40000-41998) and of its RTP range (20000-29999).
        var testerPort = FreePorts.EvenPair(44000, 44998).ToString(CultureInfo.InvariantCulture);

        var (result, report) = await LoadRun.RunAsync(server, Target(), "--shared-rtp-port", testerPort,
            "--calls", "20", "--rate", "10", "--duration", "30", "--script", script);

        // welcome, main-menu, vika-menu on each call: a call hearing another's audio, or missing its start, fails its own.
        LoadRun.AssertScriptPassed(result, report, calls: 20, expectationsPerCall: 3, server.Output);
    }

    [Fact]
    public async Task Callers_on_ports_of_their_own_are_answered_on_the_shared_port_hear_their_prompts_and_their_keys_work()
    {
        var server = fixture.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        await using var first = await Caller.DialAsync(Target(), new TestCallerOptions(), ct: timeout.Token);
        await using var second = await Caller.DialAsync(Target(), new TestCallerOptions(), ct: timeout.Token);

        foreach (var caller in (Caller[])[first, second])
        {
            Assert.True(caller.IsEstablished, $"{caller.FinalResponse?.StatusCode} {caller.FinalResponse?.ReasonPhrase}\n{server.Output}");
            // The server's 200 OK named its shared port for our RTP.
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, fixture.SharedPort), caller.Negotiated!.RemoteEndPoint);
        }

        Assert.NotEqual(first.Media!.LocalEndPoint, second.Media!.LocalEndPoint);
        await HearsThePromptAsync(first, timeout.Token);
        await HearsThePromptAsync(second, timeout.Token);

        // A third caller, on a port pair of its own too, follows a shipped script (prompts and keys) while both calls hold the port.
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        var services = VikaServices.Create(SettingsReader.Read(), TimeProvider.System, loggers);
        var results = await new LiveScriptRunner(TextWriter.Null, TextWriter.Null).RunAsync(
            [Path.Combine(RepoPaths.Root, "tests", "scripts", "status-budi.vks")], Target(), TestCallerDtmfMode.Rfc4733, services, timeout.Token);

        var result = Assert.Single(results);
        Assert.True(result.Passed, result.Format() + "\n--- server ---\n" + server.Output);
        await first.HangupAsync(timeout.Token);
        await second.HangupAsync(timeout.Token);
    }

    private string Target() => string.Create(CultureInfo.InvariantCulture, $"sip:165@127.0.0.1:{fixture.Server.SipPort}");

    /// <summary>Waits (bounded) until the caller has heard two seconds of audio that is not silence: the welcome prompt.</summary>
    private async Task HearsThePromptAsync(Caller caller, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        double rms = 0;
        while (DateTime.UtcNow < deadline)
        {
            if (caller.Received.Duration >= TimeSpan.FromSeconds(2) && (rms = Rms(caller.Received.Snapshot())) > 200)
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        Assert.Fail($"heard {caller.Received.Duration.TotalSeconds:0.00} s at rms {rms:0} in 15 s: not the welcome prompt\n{fixture.Server.Output}");
    }

    private static double Rms(short[] samples)
    {
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }
}
