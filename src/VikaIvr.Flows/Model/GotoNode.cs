namespace VikaIvr.Flows.Model;

/// <summary>Jumps to another node.</summary>
public sealed class GotoNode : FlowNode
{
    public override string Kind => "goto";
    public required FlowRef Target { get; init; }
    public override IEnumerable<FlowRef> Targets() => [Target];
}
