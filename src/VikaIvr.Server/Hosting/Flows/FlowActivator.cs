using Microsoft.Extensions.Logging;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>
/// Activates flow revisions in a running server: a new text (console, SIGHUP) is checked, stored and
/// activated; an older revision is activated again (rollback); an activation made elsewhere (another
/// node, `vika flow reload`) is followed. A revision that fails the check is never activated. New
/// calls take the new interpreter; calls in progress finish on the one they started with.
/// </summary>
public sealed partial class FlowActivator(
    FlowRevisionStore store,
    ActiveFlowHolder holder,
    FlowRevisionCheck check,
    Func<FlowDefinition, FlowInterpreter> interpreters,
    IFlowAuditTrail audit,
    TimeProvider clock,
    ILogger<FlowActivator> log)
{
    // One activation at a time: the poll, a signal and the console never interleave their swaps.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _refused;

    public ActiveFlow Current => holder.Current;

    public FlowRevisionStore Store => store;

    /// <summary>Checks the text as `vika flow validate` does (errors carry <paramref name="name"/> and their line).</summary>
    public IReadOnlyList<FlowError> Validate(string yaml, string name) => check.Check(yaml, name).Errors;

    /// <summary>A new revision: checked, then stored and activated; refused with its errors otherwise (nothing stored).</summary>
    public async Task<FlowActivation> SubmitAsync(string yaml, string author, string source, string? comment, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var (flow, errors) = check.Check(yaml, name);
        if (flow is null || errors.Count > 0) return FlowActivation.Refused(errors);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var revision = await store.AddAsync(yaml, author, source, comment, clock.GetUtcNow(), ct).ConfigureAwait(false);
            await ActivateCheckedAsync(revision, flow, author, ct).ConfigureAwait(false);
            return FlowActivation.Done(revision);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Activates a stored revision again (a rollback), after checking it on this node.</summary>
    public async Task<FlowActivation> ActivateAsync(long id, string author, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var revision = await store.GetAsync(id, ct).ConfigureAwait(false);
            if (revision is null) return FlowActivation.Refused([new FlowError(FlowRevisionCheck.NameOf(id), 0, "no such revision")]);
            var (flow, errors) = check.Check(revision.Yaml, FlowRevisionCheck.NameOf(id));
            if (flow is null || errors.Count > 0) return new FlowActivation(revision, errors);
            await ActivateCheckedAsync(revision, flow, author, ct).ConfigureAwait(false);
            return FlowActivation.Done(revision);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Follows the database: when the active revision there is not the one running here, it is checked
    /// and put in place. One that fails the check here is refused once (logged) and not retried.
    /// True when this call swapped the flow.
    /// </summary>
    public async Task<bool> FollowAsync(CancellationToken ct)
    {
        var active = await store.GetActiveIdAsync(ct).ConfigureAwait(false);
        if (active is not { } id || id == holder.Current.Revision || id == Volatile.Read(ref _refused)) return false;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var revision = await store.GetActiveAsync(ct).ConfigureAwait(false);
            if (revision is null || revision.Id == holder.Current.Revision) return false;
            var (flow, errors) = check.Check(revision.Yaml, FlowRevisionCheck.NameOf(revision.Id));
            if (flow is null || errors.Count > 0)
            {
                Volatile.Write(ref _refused, revision.Id);
                LogRefused(revision.Id, revision.Author, errors.Count, string.Join("; ", errors.Take(3)));
                return false;
            }

            Put(revision, flow, revision.Author);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ActivateCheckedAsync(FlowRevision revision, FlowDefinition flow, string author, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        await store.ActivateAsync(revision.Id, at, ct).ConfigureAwait(false);
        revision.ActivatedAt = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Put(revision, flow, author);
        await audit.ActivatedAsync(author, revision, ct).ConfigureAwait(false);
    }

    private void Put(FlowRevision revision, FlowDefinition flow, string activatedBy)
    {
        holder.Swap(new ActiveFlow(revision.Id, revision.Author, revision.ContentHash, flow, interpreters(flow)));
        LogActivated(revision.Id, activatedBy, revision.Source);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Flow revision {Revision} activated by {Author} (source {Source}): new calls run it")]
    private partial void LogActivated(long revision, string author, string source);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Flow revision {Revision} by {Author} is active in the database but fails the check here ({Count} errors: {Errors}); keeping the flow running")]
    private partial void LogRefused(long revision, string author, int count, string errors);
}
