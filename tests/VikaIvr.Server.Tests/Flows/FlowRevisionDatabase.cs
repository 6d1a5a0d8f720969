using Microsoft.Data.Sqlite;
using VikaIvr.Data;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Flows.Runtime;
using VikaIvr.Server.Hosting.Flows;

namespace VikaIvr.Server.Tests.Flows;

/// <summary>A real SQLite database in its own temp folder with its flow revision store, removed afterwards.</summary>
internal sealed class FlowRevisionDatabase : IDisposable
{
    public const string FlowFile = "/etc/vika/vika.yaml";

    public static readonly string ValidA = """
        start: a
        nodes:
          a:
            kind: hangup
        """;

    public static readonly string ValidB = """
        start: b
        nodes:
          b:
            kind: hangup
        """;

    /// <summary>Line 5: 'b' is never reached.</summary>
    public static readonly string Unreachable = """
        start: a
        nodes:
          a:
            kind: hangup
          b:
            kind: hangup
        """;

    private FlowRevisionDatabase(string directory, SqliteDatabase database)
    {
        Directory = directory;
        Database = database;
        Store = new FlowRevisionStore(database);
    }

    public string Directory { get; }
    public SqliteDatabase Database { get; }
    public FlowRevisionStore Store { get; }

    public static FlowRevisionCheck Check { get; } = new(null, FlowComponents.Empty, FlowFile);

    public static async Task<FlowRevisionDatabase> CreateAsync()
    {
        string directory = Path.Combine(Path.GetTempPath(), "vika-flow-revisions-" + Guid.NewGuid().ToString("N"));
        var database = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = directory });
        await database.InitializeAsync(TimeProvider.System, default);
        return new FlowRevisionDatabase(directory, database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
