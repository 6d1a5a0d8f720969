namespace VikaIvr.Data.Tests;

public sealed class SqliteCallRecordQueryTests : CallRecordQueryTests, IDisposable
{
    private readonly List<TempDatabase> _databases = [];

    protected override async Task<IVikaDatabase> CreateAsync()
    {
        var db = await TempDatabase.CreateAsync();
        _databases.Add(db);
        return db.Database;
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
    }
}
