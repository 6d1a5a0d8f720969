using Microsoft.Extensions.Time.Testing;

namespace VikaIvr.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCallRecordQueryTests(PostgresServer server) : CallRecordQueryTests, IAsyncDisposable
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<IVikaDatabase> CreateAsync()
    {
        var db = new PostgresDatabase(await server.CreateDatabaseAsync());
        _databases.Add(db);
        await db.InitializeAsync(new FakeTimeProvider(TempDatabase.Now), default);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
