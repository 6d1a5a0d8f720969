namespace VikaIvr.Data.PromptVersions;

/// <summary>One line of a prompt's history: a <see cref="PromptVersion"/> without its audio.</summary>
public sealed class PromptVersionInfo
{
    public long Id { get; set; }
    public string PromptId { get; set; } = "";
    public int Version { get; set; }
    public string CreatedAt { get; set; } = "";
    public string Source { get; set; } = "";
    public string NodeId { get; set; } = "";
    public string? RecordedBy { get; set; }

    /// <summary>Size of the WAV file in bytes.</summary>
    public long Size { get; set; }
}
