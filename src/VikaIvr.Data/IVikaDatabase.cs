namespace VikaIvr.Data;

/// <summary>
/// The configured store (the SQLite file or a PostgreSQL database): opened by the server at start
/// (<see cref="InitializeAsync"/> migrates and seeds it), then handed to the repositories as their
/// <see cref="IDbConnectionFactory"/>.
/// </summary>
public interface IVikaDatabase : IDbConnectionFactory
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Provider { get; }

    /// <summary>Where it is, for log lines: the file path, or host:port/database (never a password).</summary>
    string Description { get; }

    /// <summary>Creates what is missing, applies the migrations and re-seeds the demo participants for the clock's current month.</summary>
    Task InitializeAsync(TimeProvider clock, CancellationToken ct);
}
