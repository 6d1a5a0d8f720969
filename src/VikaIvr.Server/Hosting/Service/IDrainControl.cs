namespace VikaIvr.Server.Hosting.Service;

/// <summary>
/// Starts the drain: new calls refused (503 + Retry-After), OPTIONS 503, calls in progress go on
/// for up to Server:DrainSeconds, then the rest get BYE, every record is written and `serve` exits 0.
/// SIGTERM and POST /admin/drain both come here.
/// </summary>
public interface IDrainControl
{
    bool IsDraining { get; }

    /// <summary>Begins the drain (idempotent); <paramref name="by"/> names who asked ("SIGTERM", "admin").</summary>
    void BeginDrain(string by);
}
