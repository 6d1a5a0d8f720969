using VikaIvr.Data.FlowRevisions;
using VikaIvr.Flows.Loading;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>
/// What became of a submitted or chosen revision: activated (<see cref="Errors"/> empty), or refused
/// with every error and its line — then nothing was stored or activated. <see cref="Revision"/> is
/// null when there was no such revision or the text was refused before it was stored.
/// </summary>
public sealed record FlowActivation(FlowRevision? Revision, IReadOnlyList<FlowError> Errors)
{
    public bool Activated => Revision is not null && Errors.Count == 0;

    public static FlowActivation Refused(IReadOnlyList<FlowError> errors) => new(null, errors);

    public static FlowActivation Done(FlowRevision revision) => new(revision, []);
}
