namespace VikaIvr.Flows.Model;

/// <summary>Plays recorded prompts in order, then the audio held in <see cref="Clip"/> (a recording made
/// on this call) when set, then goes on.</summary>
public sealed class PlayNode : FlowNode
{
    public override string Kind => "play";
    public required IReadOnlyList<FlowRef> PromptIds { get; init; }
    public string? Clip { get; init; }
    public bool BargeIn { get; init; } = true;
    public required FlowRef Next { get; init; }

    public override IEnumerable<FlowRef> Targets() => [Next];
    public override IEnumerable<FlowRef> Prompts() => PromptIds;
}
