using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace VikaIvr.Data.Tests;

/// <summary>A real SQLite file in its own temp folder, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    /// <summary>15 November 2026, 10:00 Jakarta: M = 2026-11.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 15, 10, 0, 0, TimeSpan.FromHours(7));

    public TempDatabase(bool pooling = true)
    {
        Directory = Path.Combine(Path.GetTempPath(), "vika-data-tests-" + Guid.NewGuid().ToString("N"));
        Clock = new FakeTimeProvider(Now);
        Database = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = Directory, Pooling = pooling });
    }

    public string Directory { get; }
    public FakeTimeProvider Clock { get; }
    public SqliteDatabase Database { get; }

    public static async Task<TempDatabase> CreateAsync(bool pooling = true)
    {
        var db = new TempDatabase(pooling);
        await db.Database.InitializeAsync(db.Clock, default);
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
