namespace VikaIvr.Data.Tests.FlowRevisions;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFlowRevisionStoreTests(PostgresServer server) : FlowRevisionStoreTests, IAsyncDisposable
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<IVikaDatabase> CreateAsync()
    {
        var db = new PostgresDatabase(await server.CreateDatabaseAsync());
        _databases.Add(db);
        await db.InitializeAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0), default);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
