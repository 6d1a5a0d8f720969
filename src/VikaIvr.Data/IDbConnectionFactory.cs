using System.Data.Common;

namespace VikaIvr.Data;

/// <summary>
/// Opens connections to the store. Repositories take this rather than a path so that another
/// database (PostgreSQL) or a test double (one that throws, to make the store unavailable)
/// can stand in without touching them.
/// </summary>
public interface IDbConnectionFactory
{
    /// <summary>An open connection; the caller disposes it. Throws when the store cannot be opened.</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);
}
