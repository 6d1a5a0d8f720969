using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Web.Prompts;

/// <summary>
/// The words in prompt_versions.source, and the one rule that reads a version's status from them:
/// a version is a recording unless its source starts with <see cref="Placeholder"/> (a synthesized
/// placeholder kept as the first version, or such a placeholder restored).
/// </summary>
public static class PromptVersionSources
{
    /// <summary>Uploaded in the web console.</summary>
    public const string Console = "console";

    /// <summary>`vika prompts import`.</summary>
    public const string Import = "import";

    /// <summary>Recorded on the operator line.</summary>
    public const string Phone = "phone";

    /// <summary>The recording in place before a prompt's first stored version, kept so it can be restored.</summary>
    public const string Baseline = "baseline";

    /// <summary>The synthesized placeholder in place before a prompt's first stored version.</summary>
    public const string Placeholder = "placeholder";

    public static PromptStatus StatusOf(string source) =>
        source.StartsWith(Placeholder, StringComparison.Ordinal) ? PromptStatus.Synthesized : PromptStatus.Recorded;

    /// <summary>The source of a version that copies <paramref name="version"/> (made from <paramref name="source"/>).</summary>
    public static string Restored(string source, int version) =>
        StatusOf(source) == PromptStatus.Synthesized ? $"{Placeholder} (restored v{version})" : $"restored v{version}";

    /// <summary>The source of the first version: what the prompt folder held before any stored version.</summary>
    public static string First(PromptStatus current) => current == PromptStatus.Synthesized ? Placeholder : Baseline;
}
