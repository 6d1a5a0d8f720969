using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace VikaIvr.Data.Migrations;

/// <summary>
/// Applies the migrations not yet recorded in <c>schema_version</c>, each in its own immediate
/// transaction (two processes starting together cannot both apply one: SQLite's immediate
/// transaction; PostgreSQL's callers hold an advisory lock around the whole start).
/// </summary>
public static class SchemaMigrator
{
    /// <returns>The versions applied by this call (empty when the schema was current).</returns>
    public static IReadOnlyList<int> Apply(SqliteConnection connection, IReadOnlyList<Migration> migrations, TimeProvider clock) =>
        Apply(connection, migrations, clock, c => ((SqliteConnection)c).BeginTransaction(deferred: false));

    /// <param name="begin">Starts the transaction one migration runs in.</param>
    /// <returns>The versions applied by this call (empty when the schema was current).</returns>
    public static IReadOnlyList<int> Apply(DbConnection connection, IReadOnlyList<Migration> migrations, TimeProvider clock, Func<DbConnection, DbTransaction> begin)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(begin);

        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """);

        var applied = new List<int>();
        int previous = 0;
        foreach (var migration in migrations)
        {
            if (migration.Version <= previous)
                throw new InvalidOperationException($"Migration versions must increase: {migration.Version} after {previous}.");
            previous = migration.Version;

            using var tx = begin(connection);
            bool done = connection.ExecuteScalar<long>(
                "SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { migration.Version }, tx) > 0;
            if (!done)
            {
                connection.Execute(migration.Sql, transaction: tx);
                connection.Execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                    tx);
                applied.Add(migration.Version);
            }
            tx.Commit();
        }
        return applied;
    }

    /// <summary>The highest applied version, 0 for an empty database.</summary>
    public static int CurrentVersion(DbConnection connection) =>
        connection.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_version") ?? 0;
}
