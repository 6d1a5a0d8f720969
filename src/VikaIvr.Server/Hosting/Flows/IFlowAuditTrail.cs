using VikaIvr.Data.FlowRevisions;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>Where flow activations are written with who and when (the audit log).</summary>
public interface IFlowAuditTrail
{
    Task ActivatedAsync(string actor, FlowRevision revision, CancellationToken ct);
}
