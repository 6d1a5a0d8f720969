namespace VikaIvr.Flows.Model;

/// <summary>Synthesizes a sentence built from a template with {variables}.</summary>
public sealed class SayNode : FlowNode
{
    public override string Kind => "say";
    public required string Template { get; init; }
    public bool BargeIn { get; init; } = true;
    public required FlowRef Next { get; init; }

    public override IEnumerable<FlowRef> Targets() => [Next];
}
