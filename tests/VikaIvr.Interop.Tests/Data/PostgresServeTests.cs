using VikaIvr.Data;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Data;

/// <summary>`vika serve` on a real PostgreSQL (scripts/postgres.sh): records with the node id, kill -9 and restart.</summary>
[Collection(InteropCollection.Name)]
public sealed class PostgresServeTests : CrashSafetyScenario, IAsyncLifetime
{
    private PostgresInstance? _postgres;

    private PostgresInstance Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL not started");

    public async Task InitializeAsync() => _postgres = await PostgresInstance.StartAsync();

    public async Task DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    [Fact]
    public Task Calls_land_in_postgres_with_the_node_and_calls_cut_by_kill_9_are_marked_crash_at_the_restart() => RunAsync();

    protected override ServerOptions Options() => new()
    {
        Environment = new Dictionary<string, string>
        {
            ["VIKA_Data__Provider"] = "postgres",
            ["VIKA_Data__ConnectionString"] = Postgres.ConnectionString,
            ["VIKA_Server__NodeId"] = NodeId,
        },
    };

    protected override IVikaDatabase Database() => new PostgresDatabase(Postgres.ConnectionString);

    protected override async Task AssertIntactAsync()
    {
        // The server takes connections and the schema is there: nothing to repair after a kill -9.
        await using var db = new PostgresDatabase(Postgres.ConnectionString);
        await using var c = await db.OpenAsync(default);
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM call_records";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 4);
    }
}
