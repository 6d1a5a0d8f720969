using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Flows.Scripting;

namespace VikaIvr.Flows.Tests.Fakes;

/// <summary>The shipped recording flow with fake operator actions: PIN 246810, prompt numbers 1 and 2.</summary>
public sealed class RecordingHarness
{
    public const string Pin = "246810";
    public const string OperatorNumber = "16599";

    public static readonly string FlowPath = Path.Combine(Harness.RepoRoot(), "config", "flows", "recording.yaml");

    public static readonly string[] PromptIds =
    [
        "rec-welcome", "rec-pin", "rec-wrong-pin", "rec-enter-number", "rec-unknown-number", "rec-start",
        "rec-review-menu", "rec-saved", "rec-too-short", "rec-goodbye", "beep", "system-busy",
    ];

    public List<(string Id, int Samples)> Saved { get; } = [];

    public FlowComponents Components() => new(
        [
            new Fake("check-pin", v =>
            {
                bool ok = v["pin"] == Pin;
                v.Remove("pin");
                return ok ? FlowActionResult.Ok : FlowActionResult.NotVerified;
            }),
            new Fake("select-prompt", v =>
            {
                string? id = v["prompt_number"] switch { "1" => "welcome", "2" => "main-menu", _ => null };
                if (id is null) return "unknown";
                v.Set("prompt_id", id);
                return FlowActionResult.Ok;
            }),
            new Fake("save-recording", v =>
            {
                Saved.Add((v["prompt_id"]!, v.Clip("recording")!.Samples.Length));
                return FlowActionResult.Ok;
            }),
        ], []);

    public FlowDefinition Flow() => FlowLoader.Load(FlowPath, FlowCheckContext.For(new FakePrompts(PromptIds), Components()));

    public Task<ScriptResult> RunAsync(string script, string file = "operator.vks") => RunAsync(Flow(), script, file);

    public Task<ScriptResult> RunAsync(FlowDefinition flow, string script, string file = "operator.vks")
    {
        var runner = new ScriptRunner(called => called == OperatorNumber ? flow : null, new ScriptRunnerOptions
        {
            StartTimeSource = TimeProvider.System,
            Prompts = new FakePrompts(PromptIds),
            Speech = new FakeSpeech(),
            Components = (_, _) => ValueTask.FromResult(Components()),
        });
        return runner.RunAsync(ScriptParser.Parse(script, file));
    }

    private sealed class Fake(string name, Func<FlowVariables, string> run) : IFlowAction
    {
        public string Name => name;

        public Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct) =>
            Task.FromResult(new FlowActionResult(run(variables)));
    }
}
