using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

/// <summary>What a running flow needs from outside: prompts, speech, named actions and validators, the clock.</summary>
public sealed record FlowRuntime(IPromptStore Prompts, ISpeech Speech, FlowComponents Components, TimeProvider Clock)
{
    /// <summary>Variables that override the flow file's defaults (e.g. agent_uri from configuration).</summary>
    public IReadOnlyDictionary<string, string> VariableOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Guards against a flow that loops through nodes without ever waiting on the caller.</summary>
    public int MaxStepsPerCall { get; init; } = 10_000;

    /// <summary>Counts node entries and exits (the drop-off); null: not counted.</summary>
    public FlowMetrics? Metrics { get; init; }
}
