using System.Text.Json;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.TestCaller;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// The console with two real calls placed by the live test caller before the tests look: Budi's
/// status by NIK (tests/scripts/status-budi.vks) and a caller who keys only wrong choices
/// (main-menu-invalid.vks). On the scripts' clock, so Budi's status matches the demo data.
/// </summary>
public sealed class CallsConsoleFixture : ConsoleFixture, IAsyncLifetime
{
    private CallRecordLine? _budi;
    private CallRecordLine? _invalid;
    private IReadOnlyList<long>? _budiNodeTimes;
    private Exception? _callsFailure;

    /// <summary>Budi's call as `vika cdr --json` has it.</summary>
    public CallRecordLine Budi => _budi ?? throw NotPlaced();

    /// <summary>Budi's node entry times (ms since the answer) as stored.</summary>
    public IReadOnlyList<long> BudiNodeTimes => _budiNodeTimes ?? throw NotPlaced();

    /// <summary>The call of wrong choices only.</summary>
    public CallRecordLine Invalid => _invalid ?? throw NotPlaced();

    protected override ServerOptions Options => new() { ExtraArguments = ["--clock", TestCallerServerFixture.Clock] };

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A failure is reported by each test with its cause (xunit truncates a fixture crash's message).
        try
        {
            await PlaceAsync("status-budi.vks");
            await PlaceAsync("main-menu-invalid.vks");
            _budi = await CdrReader.WaitForAsync(Server, r => r.Outcome == "status-answered", TimeSpan.FromSeconds(30));
            _invalid = await CdrReader.WaitForAsync(Server, r => r.Outcome is not (null or "" or "status-answered"), TimeSpan.FromSeconds(30));
            _budiNodeTimes = await NodeTimesAsync(_budi.CallId);
        }
        catch (Exception ex)
        {
            _callsFailure = ex;
        }
    }

    private InvalidOperationException NotPlaced() => new("the test calls were not placed: " + _callsFailure, _callsFailure);

    private async Task PlaceAsync(string script)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        var services = VikaServices.Create(SettingsReader.Read(), TimeProvider.System, loggers);
        var runner = new LiveScriptRunner(TextWriter.Null, TextWriter.Null);
        var results = await runner.RunAsync(
            [Path.Combine(RepoPaths.Root, "tests", "scripts", script)], $"sip:165@127.0.0.1:{Server.SipPort}", TestCallerDtmfMode.Rfc4733, services, timeout.Token);
        var result = Assert.Single(results);
        Assert.True(result.Passed, result.Format() + "\n" + Server.Output);
    }

    private async Task<IReadOnlyList<long>> NodeTimesAsync(string callId)
    {
        var cdr = await Server.RunCliAsync(["cdr", "--last", "10", "--json"], TimeSpan.FromSeconds(30));
        Assert.True(cdr.ExitCode == 0, cdr.Describe());
        foreach (string line in cdr.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{')) continue;
            using var record = JsonDocument.Parse(line);
            if (record.RootElement.GetProperty("call_id").GetString() != callId) continue;
            return [.. record.RootElement.GetProperty("node_times_ms").EnumerateArray().Select(e => e.GetInt64())];
        }

        throw new InvalidOperationException($"call {callId} not in `vika cdr`: {cdr.StdOut}");
    }
}
