namespace VikaIvr.Data.PromptVersions;

/// <summary>
/// One version of a prompt kept in the shared database: the 8 kHz 16-bit mono WAV file as the
/// node that made it wrote it. <see cref="Id"/> grows across all prompts (the sync's bookmark);
/// <see cref="Version"/> counts the versions of one prompt.
/// </summary>
public sealed class PromptVersion
{
    public long Id { get; set; }
    public string PromptId { get; set; } = "";
    public int Version { get; set; }
    public string CreatedAt { get; set; } = "";

    /// <summary>"phone", "import", ...</summary>
    public string Source { get; set; } = "";

    /// <summary>The node that made it (Server:NodeId).</summary>
    public string NodeId { get; set; } = "";

    /// <summary>Who made it, when known (the operator line's caller); never personal data of participants.</summary>
    public string? RecordedBy { get; set; }

    public byte[] Wav { get; set; } = [];
}
