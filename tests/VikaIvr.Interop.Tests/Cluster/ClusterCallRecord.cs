namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// One call record as the cluster tests see it: which node holds it (the record's own node id with
/// the shared PostgreSQL store; the node whose database it is in with SQLite) and how it ended.
/// </summary>
public sealed record ClusterCallRecord(
    string NodeId, string? RecordedNodeId, string CallId, DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? EndReason)
{
    public override string ToString() => $"{CallId} on {NodeId} (recorded node id {RecordedNodeId ?? "none"}), started {StartedAt:HH:mm:ss.fff}, answered {AnsweredAt:HH:mm:ss.fff}, ended {EndedAt:HH:mm:ss.fff} {EndReason}";
}
