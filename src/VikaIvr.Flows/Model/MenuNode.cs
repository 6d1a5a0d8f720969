namespace VikaIvr.Flows.Model;

/// <summary>A prompt and one key per choice, with no-input and invalid-choice retries.</summary>
public sealed class MenuNode : FlowNode
{
    public override string Kind => "menu";
    public required IReadOnlyList<FlowRef> PromptIds { get; init; }
    public required IReadOnlyDictionary<char, FlowRef> Choices { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
    public int MaxFailures { get; init; } = 3;
    public FlowRef? InvalidPrompt { get; init; }
    public FlowRef? NoInputPrompt { get; init; }
    public required FlowRef OnTooManyFailures { get; init; }
    public bool BargeIn { get; init; } = true;

    public override IEnumerable<FlowRef> Targets() => [.. Choices.Values, OnTooManyFailures];

    public override IEnumerable<FlowRef> Prompts()
    {
        foreach (var p in PromptIds) yield return p;
        if (InvalidPrompt is { } i) yield return i;
        if (NoInputPrompt is { } n) yield return n;
    }
}
