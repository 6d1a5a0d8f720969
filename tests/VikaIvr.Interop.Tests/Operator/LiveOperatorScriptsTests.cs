using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Operator;

/// <summary>
/// The shipped operator scripts as real calls (`simulate --target`): the caller speaks with a tone,
/// the server records and plays it back, and the scripts pass exactly as in `vika simulate`.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class LiveOperatorScriptsTests(SimulationPinOperatorServerFixture fixture) : IClassFixture<SimulationPinOperatorServerFixture>
{
    [Fact]
    public async Task Shipped_operator_scripts_pass_against_the_live_server()
    {
        var scripts = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "scripts", "operator"), "*.vks").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(scripts);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        var services = VikaServices.Create(SettingsReader.Read(), TimeProvider.System, loggers);
        var results = await new LiveScriptRunner(TextWriter.Null, TextWriter.Null)
            .RunAsync(scripts, $"sip:165@127.0.0.1:{fixture.Server.SipPort}", TestCallerDtmfMode.Rfc4733, services, timeout.Token);

        Assert.Equal(scripts.Count, results.Count);
        foreach (var result in results) Assert.True(result.Passed, result.Format() + "\n" + fixture.Server.Output);
        Assert.Contains(results[0].Transcript, l => l.Contains("the server is silent: recording", StringComparison.Ordinal));
    }
}
