namespace VikaIvr.Flows.Model;

/// <summary>Collects a digit entry into a variable, checked by a named validator, with retries.</summary>
public sealed class CollectNode : FlowNode
{
    public override string Kind => "collect";
    public required IReadOnlyList<FlowRef> PromptIds { get; init; }
    public int MinDigits { get; init; } = 1;
    public int MaxDigits { get; init; } = 1;

    /// <summary>Keys that end the entry, e.g. "#"; empty for none.</summary>
    public string Terminators { get; init; } = "";
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public FlowRef? Validator { get; init; }
    public FlowRef? InvalidPrompt { get; init; }
    public FlowRef? NoInputPrompt { get; init; }
    public int Attempts { get; init; } = 3;
    public required FlowRef OnTooManyFailures { get; init; }
    public required string Variable { get; init; }

    /// <summary>Personal entries (NIK, birth date) are masked in records and logs.</summary>
    public bool Personal { get; init; }
    public bool BargeIn { get; init; } = true;
    public required FlowRef Next { get; init; }

    public override IEnumerable<FlowRef> Targets() => [Next, OnTooManyFailures];

    public override IEnumerable<FlowRef> Prompts()
    {
        foreach (var p in PromptIds) yield return p;
        if (InvalidPrompt is { } i) yield return i;
        if (NoInputPrompt is { } n) yield return n;
    }
}
