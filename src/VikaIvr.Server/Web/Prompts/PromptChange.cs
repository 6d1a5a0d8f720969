using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Web.Prompts;

/// <summary>A new version of a prompt, stored in prompt_versions and in this node's prompt folder.</summary>
/// <param name="Version">Its number in the prompt's history.</param>
/// <param name="Prompt">The prompt as this node now plays it.</param>
public sealed record PromptChange(string PromptId, int Version, PromptInfo Prompt);
