using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Web.Prompts;

/// <summary>One prompt of the manifest as the console lists it.</summary>
/// <param name="Findings">What `vika prompts check` finds wrong with it (empty when all is well).</param>
/// <param name="Version">The stored version this node plays, when it is one.</param>
/// <param name="UsedByFlow">The call flow plays it.</param>
public sealed record PromptOverview(PromptInfo Prompt, IReadOnlyList<PromptProblem> Findings, int? Version, bool UsedByFlow)
{
    public string Id => Prompt.Id;
}
