using VikaIvr.Data;

namespace VikaIvr.Server.Hosting;

/// <summary>Opens (creating, migrating and seeding when needed) the SQLite database in the data folder.</summary>
public static class DataStore
{
    public static async Task<SqliteDatabase> OpenAsync(VikaSettings settings, TimeProvider clock, CancellationToken ct)
    {
        string dir = settings.Resolve(settings.Data.Directory);
        Directory.CreateDirectory(dir);
        var db = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = dir });
        await db.InitializeAsync(clock, ct).ConfigureAwait(false);
        return db;
    }
}
