using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace VikaIvr.Data;

/// <summary>
/// A statement prepared once on an open connection, only its values set for each run: a statement
/// run for every call costs its values and little more. On SQLite the statement is SQLite's own,
/// bound by position from reused buffers (<see cref="SqlitePreparedCommand"/>: no command, reader,
/// parameter binder or UTF-8 copy per run); on another database, the driver's prepared command
/// (<see cref="DbPreparedCommand"/>). Belongs to its connection (dispose it before the
/// connection); one user at a time.
/// </summary>
internal abstract class PreparedCommand : IAsyncDisposable
{
    public static async Task<PreparedCommand> PrepareAsync(DbConnection connection, StatementDefinition statement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statement);
        return connection is SqliteConnection sqlite
            ? SqlitePreparedCommand.Create(sqlite, statement)
            : await DbPreparedCommand.CreateAsync(connection, statement, ct).ConfigureAwait(false);
    }

    /// <summary>The value of the parameter at <paramref name="index"/> (the definition's order) for the next runs; null is SQL NULL.</summary>
    public abstract void Set(int index, object? value);

    /// <summary>An integer value (<see cref="Set(int, object?)"/> boxes it; a statement may keep it unboxed).</summary>
    public virtual void Set(int index, long value) => Set(index, (object)value);

    /// <summary>A real value (<see cref="Set(int, object?)"/> boxes it; a statement may keep it unboxed).</summary>
    public virtual void Set(int index, double value) => Set(index, (object)value);

    /// <summary>A time, stored as <see cref="StoredTime"/> writes it; null is SQL NULL.</summary>
    public abstract void SetTime(int index, DateTimeOffset? value);

    /// <summary>Takes every value of <paramref name="other"/> (a statement of the same kind with the same parameters).</summary>
    public abstract void SetFrom(PreparedCommand other);

    /// <returns>The rows changed.</returns>
    public abstract Task<int> ExecuteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}
