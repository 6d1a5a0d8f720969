using System.Data.Common;
using Dapper;
using Npgsql;
using VikaIvr.Data.Migrations;
using VikaIvr.Data.Participants;

namespace VikaIvr.Data;

/// <summary>
/// The shared database of several nodes: PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>.
/// <see cref="InitializeAsync"/> migrates and seeds under an advisory lock, so nodes starting
/// together apply each migration once; a server that cannot be reached is one
/// <see cref="DataStoreException"/> naming host, port and cause.
/// </summary>
public sealed class PostgresDatabase : IVikaDatabase, IAsyncDisposable
{
    /// <summary>The advisory lock key the start takes (any fixed number; 165 is the line).</summary>
    private const long StartLock = 165_165;

    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _source = NpgsqlDataSource.Create(builder);
    }

    public string Provider => DataProviders.Postgres;

    public string Description { get; }

    /// <summary>The data source, for PostgreSQL-only work (COPY).</summary>
    public NpgsqlDataSource Source => _source;

    public async Task InitializeAsync(TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        try
        {
            await using var connection = await _source.OpenConnectionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@StartLock)", new { StartLock }, cancellationToken: ct)).ConfigureAwait(false);
            try
            {
                SchemaMigrator.Apply(connection, PostgresMigrations.All, clock, c => c.BeginTransaction());
                DemoSeeder.Seed(connection, clock);
            }
            finally
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@StartLock)", new { StartLock }).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new DataStoreException($"PostgreSQL at {Description}: {Cause(ex)}", ex);
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct).ConfigureAwait(false);

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>The driver's message and, when it only says "failed to connect", the socket's reason.</summary>
    private static string Cause(Exception ex) =>
        ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} ({inner.Message})" : ex.Message;
}
