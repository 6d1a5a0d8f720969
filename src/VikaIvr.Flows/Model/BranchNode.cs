namespace VikaIvr.Flows.Model;

/// <summary>Chooses the next node by the value of a variable, or of a counter when <see cref="On"/> is "counter:NAME".</summary>
public sealed class BranchNode : FlowNode
{
    public override string Kind => "branch";
    public required string On { get; init; }
    public required IReadOnlyDictionary<string, FlowRef> Cases { get; init; }
    public required FlowRef Default { get; init; }

    public override IEnumerable<FlowRef> Targets() => [.. Cases.Values, Default];
}
