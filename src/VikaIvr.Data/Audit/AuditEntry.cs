namespace VikaIvr.Data.Audit;

/// <summary>One audit_log row: who changed what, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>ISO 8601.</summary>
    public string At { get; set; } = "";
    /// <summary>The console user's name, or "cli", "phone", "system".</summary>
    public string Actor { get; set; } = "";
    /// <summary>What was done, as a dotted name: "prompt.upload", "prompt.restore", "flow.activate", "user.add", "signin.failed", ...</summary>
    public string Action { get; set; } = "";
    /// <summary>What it was done to: a prompt id, a flow revision, a user name.</summary>
    public string Subject { get; set; } = "";
    public string? Detail { get; set; }
}
