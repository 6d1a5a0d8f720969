namespace VikaIvr.Flows.Model;

/// <summary>Plays an optional prompt, then transfers to a target (a template, usually "{agent_uri}").
/// A failed transfer or an empty target goes to <see cref="OnFailure"/>.</summary>
public sealed class TransferNode : FlowNode
{
    public override string Kind => "transfer";
    public FlowRef? Prompt { get; init; }
    public required string Target { get; init; }
    public required FlowRef OnFailure { get; init; }

    public override IEnumerable<FlowRef> Targets() => [OnFailure];
    public override IEnumerable<FlowRef> Prompts() => Prompt is { } p ? [p] : [];
}
