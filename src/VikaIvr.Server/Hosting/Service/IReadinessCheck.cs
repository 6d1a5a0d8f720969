namespace VikaIvr.Server.Hosting.Service;

/// <summary>One thing `serve` needs to take calls (the database, the speech engine, the prompts).</summary>
public interface IReadinessCheck
{
    /// <summary>Short name shown in /readyz ("database", "speech", "prompts").</summary>
    string Name { get; }

    /// <summary>Null when fine; otherwise why not, in one line without personal data.</summary>
    Task<string?> ProblemAsync(CancellationToken ct);
}
