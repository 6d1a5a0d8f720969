using Npgsql;
using VikaIvr.Data.Migrations;

namespace VikaIvr.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreBehaviourTests(PostgresServer server) : StoreBehaviourTests, IAsyncDisposable
{
    private readonly List<PostgresDatabase> _databases = [];
    private readonly Dictionary<IVikaDatabase, string> _connectionStrings = [];

    protected override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    protected override async Task<IVikaDatabase> CreateAsync()
    {
        string connectionString = await server.CreateDatabaseAsync();
        var db = Track(new PostgresDatabase(connectionString), connectionString);
        await db.InitializeAsync(Clock, default);
        return db;
    }

    protected override IVikaDatabase Reopen(IVikaDatabase database)
    {
        string connectionString = _connectionStrings[database];
        return Track(new PostgresDatabase(connectionString), connectionString);
    }

    [Fact]
    public async Task Nodes_starting_together_apply_each_migration_once()
    {
        string connectionString = await server.CreateDatabaseAsync();
        var starts = Enumerable.Range(0, 3).Select(_ => Track(new PostgresDatabase(connectionString), connectionString).InitializeAsync(Clock, default));
        await Task.WhenAll(starts);
        await using var c = new NpgsqlConnection(connectionString);
        Assert.Equal(PostgresMigrations.All.Count, await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(6, await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM participants WHERE origin = 'demo'"));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_one_error_naming_host_and_port()
    {
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Port = FreePort(), Timeout = 5 };
        var db = Track(new PostgresDatabase(builder.ConnectionString), builder.ConnectionString);
        var ex = await Assert.ThrowsAsync<DataStoreException>(() => db.InitializeAsync(Clock, default));
        Assert.Contains($"127.0.0.1:{builder.Port}/vika", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }

    private PostgresDatabase Track(PostgresDatabase db, string connectionString)
    {
        _databases.Add(db);
        _connectionStrings[db] = connectionString;
        return db;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
