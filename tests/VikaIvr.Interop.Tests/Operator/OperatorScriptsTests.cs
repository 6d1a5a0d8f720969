using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Scripting;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Speech;

namespace VikaIvr.Interop.Tests.Operator;

/// <summary>The operator scripts against the real recording actions and shipped prompts, composed as
/// `vika simulate` composes them (simulation PIN, saves in memory).</summary>
public sealed class OperatorScriptsTests
{
    [Fact]
    public async Task Operator_scripts_pass_with_the_real_actions_and_save_only_in_memory()
    {
        var settings = SettingsReader.Read();
        var services = VikaServices.Create(settings, TimeProvider.System, NullLoggerFactory.Instance);
        var prompts = services.OpenPrompts();
        var op = OperatorSimulation.Load(services, prompts);
        Assert.True(op.Flow is not null, string.Join("\n", op.Errors));
        var runner = new ScriptRunner(called => called == op.Line.Number ? op.Flow : null, new ScriptRunnerOptions
        {
            StartTimeSource = TimeProvider.System,
            Prompts = prompts,
            Speech = new TextOnlySpeech(services.Normalizer),
            Components = (_, _) => ValueTask.FromResult(op.Components),
        });
        var scripts = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "scripts", "operator"), "*.vks");
        Assert.NotEmpty(scripts);
        foreach (var result in await runner.RunFilesAsync(scripts))
            Assert.True(result.Passed, result.Format());
        Assert.Equal([("welcome", 3 * 8000)], op.Recorder.Saved);
    }
}
