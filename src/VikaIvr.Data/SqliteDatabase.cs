using System.Data.Common;
using Microsoft.Data.Sqlite;
using VikaIvr.Data.Migrations;
using VikaIvr.Data.Participants;

namespace VikaIvr.Data;

/// <summary>
/// The embedded database: one SQLite file (<c>vika.db</c>) in the data folder, WAL journal (readers
/// never wait for the writer, and a crash loses nothing committed), a busy timeout for writers.
/// <see cref="InitializeAsync"/> creates, migrates and (re)seeds it; <see cref="OpenAsync"/> never
/// creates the file, so a database that has gone away fails loudly instead of looking empty.
/// </summary>
public sealed class SqliteDatabase : IVikaDatabase
{
    private readonly string _openConnectionString;
    private readonly string _createConnectionString;

    public SqliteDatabase(SqliteDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        FilePath = Path.GetFullPath(Path.Combine(options.DataDirectory, options.FileName));
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = options.Pooling,
            // Microsoft.Data.Sqlite retries busy/locked statements until the command timeout, so
            // this is the busy timeout; no per-open PRAGMA, so a pooled open costs no statement.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        _openConnectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        _createConnectionString = builder.ToString();
    }

    public SqliteDatabaseOptions Options { get; }

    public string Provider => DataProviders.Sqlite;

    public string Description => FilePath;

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Creates the folder and file if missing, switches to WAL, applies migrations and re-seeds the demo participants for the clock's current month.</summary>
    public async Task InitializeAsync(TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await using var connection = await OpenCoreAsync(_createConnectionString, ct).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            // Persistent in the file; needs no other connection open, hence here and once.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        SchemaMigrator.Apply(connection, SchemaMigrations.All, clock);
        DemoSeeder.Seed(connection, clock);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct) =>
        await OpenCoreAsync(_openConnectionString, ct).ConfigureAwait(false);

    /// <summary>An open connection of the concrete type, for SQLite-only work (bulk inserts).</summary>
    public Task<SqliteConnection> OpenSqliteAsync(CancellationToken ct) => OpenCoreAsync(_openConnectionString, ct);

    private async Task<SqliteConnection> OpenCoreAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
