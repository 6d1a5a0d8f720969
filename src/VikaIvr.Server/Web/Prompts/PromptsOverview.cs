namespace VikaIvr.Server.Web.Prompts;

/// <summary>The console's prompt list: every prompt of the manifest, and what the flow plays that the manifest lacks.</summary>
public sealed record PromptsOverview(IReadOnlyList<PromptOverview> Prompts, IReadOnlyList<Speech.Prompts.PromptProblem> NotInManifest);
