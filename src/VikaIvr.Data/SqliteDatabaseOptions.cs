namespace VikaIvr.Data;

/// <summary>Where and how the embedded SQLite database is opened.</summary>
public sealed class SqliteDatabaseOptions
{
    /// <summary>The data folder; created at initialisation when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    public string FileName { get; set; } = "vika.db";

    /// <summary>How long a statement waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connection pooling (on by default: opening is then nearly free). With pooling off every
    /// lookup opens the file anew, so deleting or corrupting it takes effect at once — what a
    /// "database unavailable" test wants.
    /// </summary>
    public bool Pooling { get; set; } = true;
}
