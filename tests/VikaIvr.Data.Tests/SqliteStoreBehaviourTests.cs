using Microsoft.Data.Sqlite;

namespace VikaIvr.Data.Tests;

public sealed class SqliteStoreBehaviourTests : StoreBehaviourTests, IDisposable
{
    private readonly List<TempDatabase> _databases = [];

    protected override IReadOnlyList<Migrations.Migration> Migrations => Data.Migrations.SchemaMigrations.All;

    protected override async Task<IVikaDatabase> CreateAsync()
    {
        var db = await TempDatabase.CreateAsync();
        _databases.Add(db);
        return db.Database;
    }

    protected override IVikaDatabase Reopen(IVikaDatabase database)
    {
        SqliteConnection.ClearAllPools();
        return new SqliteDatabase(((SqliteDatabase)database).Options);
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
    }
}
