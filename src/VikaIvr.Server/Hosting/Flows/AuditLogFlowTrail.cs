using VikaIvr.Data.Audit;
using VikaIvr.Data.FlowRevisions;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>Writes each flow activation to the audit log: who, which revision, from where.</summary>
public sealed class AuditLogFlowTrail(AuditLog audit) : IFlowAuditTrail
{
    public const string Action = "flow.activate";

    public Task ActivatedAsync(string actor, FlowRevision revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(revision);
        string detail = revision.Comment is { Length: > 0 } comment ? $"source {revision.Source}: {comment}" : $"source {revision.Source}";
        return audit.AddAsync(actor, Action, FlowRevisionCheck.NameOf(revision.Id), detail, ct);
    }
}
