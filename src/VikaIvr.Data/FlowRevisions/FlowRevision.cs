namespace VikaIvr.Data.FlowRevisions;

/// <summary>
/// One revision of the VIKA call flow kept in the database: the YAML text as it was submitted, who
/// submitted it and from where. <see cref="Id"/> is the revision number. The active revision is the
/// one activated last (the greatest <see cref="ActivatedAt"/>); a rollback activates an older one again.
/// </summary>
public sealed class FlowRevision
{
    public long Id { get; set; }

    /// <summary>ISO 8601, UTC.</summary>
    public string CreatedAt { get; set; } = "";

    public string Author { get; set; } = "";

    /// <summary><see cref="FlowRevisionSources"/>: "file", "console" or "cli".</summary>
    public string Source { get; set; } = "";

    public string? Comment { get; set; }

    /// <summary>Empty in listings (<see cref="FlowRevisionStore.ListAsync"/>), which leave the text out.</summary>
    public string Yaml { get; set; } = "";

    /// <summary>SHA-256 of the YAML's UTF-8 bytes, lower-case hex (<see cref="FlowRevisionStore.Hash"/>).</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>ISO 8601, UTC, of its latest activation; null when it was never activated.</summary>
    public string? ActivatedAt { get; set; }
}
