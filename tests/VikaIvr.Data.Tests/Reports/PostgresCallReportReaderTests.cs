namespace VikaIvr.Data.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCallReportReaderTests(PostgresServer server) : CallReportReaderTests, IAsyncDisposable
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<IVikaDatabase> CreateAsync()
    {
        var db = new PostgresDatabase(await server.CreateDatabaseAsync());
        _databases.Add(db);
        await db.InitializeAsync(TimeProvider.System, default);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
