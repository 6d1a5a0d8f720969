namespace VikaIvr.Speech.Prompts;

/// <summary>What `vika prompts check` found wrong with one prompt.</summary>
public sealed record PromptProblem(string PromptId, PromptProblemKind Kind, string Message)
{
    public override string ToString() => $"{PromptId}: {Message}";
}
