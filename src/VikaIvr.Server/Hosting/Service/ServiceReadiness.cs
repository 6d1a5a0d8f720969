namespace VikaIvr.Server.Hosting.Service;

/// <summary>
/// The one owner of "can this node take calls now": the last result of the readiness checks plus
/// the drain. Read on hot paths (every OPTIONS) from one immutable snapshot, never by running a
/// check there; <see cref="RefreshAsync"/> runs the checks (a hosted service calls it every few
/// seconds, /readyz may call it too). Draining is one-way: once begun, the node stays not ready.
/// </summary>
public sealed class ServiceReadiness(IEnumerable<IReadinessCheck> checks)
{
    private readonly IReadinessCheck[] _checks = [.. checks];
    private volatile ReadinessSnapshot _current = new(true, "", false);

    /// <summary>The last known state (ready until a check says otherwise).</summary>
    public ReadinessSnapshot Current => _current;

    /// <summary>True once the drain has begun.</summary>
    public bool IsDraining => _current.Draining;

    /// <summary>From now on the node is not ready ("draining"), whatever the checks say.</summary>
    public void MarkDraining() => _current = new ReadinessSnapshot(false, "draining", true);

    /// <summary>Runs every check and stores the result; returns it.</summary>
    public async Task<ReadinessSnapshot> RefreshAsync(CancellationToken ct)
    {
        List<string>? problems = null;
        foreach (var check in _checks)
        {
            string? problem;
            try
            {
                problem = await check.ProblemAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                problem = ex.GetType().Name;
            }

            if (problem is not null)
            {
                (problems ??= []).Add(check.Name + ": " + problem);
            }
        }

        if (_current.Draining)
        {
            return _current;
        }

        if (problems is null && _current is { Ready: true, Reason: "" } ready)
        {
            // Still ready: the snapshot stands (the refresh runs every few seconds on an idle node too).
            return ready;
        }

        var snapshot = new ReadinessSnapshot(problems is null, problems is null ? "" : string.Join("; ", problems), false);
        _current = snapshot;
        return snapshot;
    }
}
