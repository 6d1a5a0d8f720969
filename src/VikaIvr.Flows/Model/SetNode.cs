namespace VikaIvr.Flows.Model;

/// <summary>Sets variables (e.g. which service the caller chose) and goes on.</summary>
public sealed class SetNode : FlowNode
{
    public override string Kind => "set";
    public required IReadOnlyDictionary<string, string> Values { get; init; }
    public required FlowRef Next { get; init; }

    public override IEnumerable<FlowRef> Targets() => [Next];
}
