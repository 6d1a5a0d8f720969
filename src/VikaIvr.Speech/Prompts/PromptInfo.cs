using VikaIvr.Media.Audio;

namespace VikaIvr.Speech.Prompts;

/// <summary>One line of `vika prompts list`.</summary>
public sealed record PromptInfo(PromptEntry Entry, string AudioPath, PromptStatus Status, AudioMeasurement? Levels, string? Error = null)
{
    public string Id => Entry.Id;
}
