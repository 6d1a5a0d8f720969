using VikaIvr.Data;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// The one place the configured store is chosen (Data:Provider): the SQLite file in the data folder,
/// or the PostgreSQL database of Data:ConnectionString shared by every node.
/// </summary>
public static class DataStore
{
    /// <param name="pooling">SQLite only: off makes every lookup open the file, so a database that fails mid-call is noticed at once.</param>
    public static IVikaDatabase Create(VikaSettings settings, bool pooling = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (DataProviders.IsPostgres(settings.Data.Provider))
        {
            return new PostgresDatabase(settings.Data.ConnectionString);
        }

        string dir = settings.Resolve(settings.Data.Directory);
        Directory.CreateDirectory(dir);
        return new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = dir, Pooling = pooling });
    }

    /// <summary>Opens the configured store, creating, migrating and seeding it when needed.</summary>
    /// <exception cref="DataStoreException">PostgreSQL cannot be reached (the message names host, port and cause).</exception>
    public static async Task<IVikaDatabase> OpenAsync(VikaSettings settings, TimeProvider clock, CancellationToken ct, bool pooling = true)
    {
        var db = Create(settings, pooling);
        await db.InitializeAsync(clock, ct).ConfigureAwait(false);
        return db;
    }

    /// <summary>Server:NodeId, or the machine's host name when it is empty.</summary>
    public static string NodeId(VikaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.IsNullOrWhiteSpace(settings.Server.NodeId) ? Environment.MachineName : settings.Server.NodeId.Trim();
    }
}
