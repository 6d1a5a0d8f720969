using VikaIvr.Data.FlowRevisions;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>The revision serve starts with; <see cref="Stored"/> when the flow file was stored as it just now.</summary>
public sealed record FlowStartChoice(FlowRevision Revision, bool Stored);
