using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Scripting;

namespace VikaIvr.Flows.Tests.Fakes;

/// <summary>The shipped flow with fakes, and a one-call script runner.</summary>
public sealed class Harness
{
    public static readonly string FlowPath = Path.Combine(RepoRoot(), "config", "flows", "vika.yaml");

    public FakeSpeech Speech { get; } = new();
    public bool DataFails { get; set; }
    public Dictionary<string, string> Overrides { get; } = [];
    public Runtime.FlowMetrics? Metrics { get; set; }

    public FlowDefinition Flow { get; } = FlowLoader.Load(FlowPath, FlowCheckContext.For(new FakePrompts(), FakeActions.Create()));

    public Task<ScriptResult> RunAsync(string script, string file = "test.vks")
    {
        var runner = new ScriptRunner(Flow, new ScriptRunnerOptions
        {
            StartTimeSource = TimeProvider.System,
            Prompts = new FakePrompts(),
            Speech = Speech,
            Components = (_, _) => ValueTask.FromResult(FakeActions.Create(() => DataFails)),
            VariableOverrides = Overrides,
            Metrics = Metrics,
        });
        return runner.RunAsync(ScriptParser.Parse(script, file));
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VikaIvr.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
