using Microsoft.Data.Sqlite;
using VikaIvr.Data;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Data;

/// <summary>`vika serve` on the embedded SQLite file (WAL): kill -9 with calls up leaves an intact file and every ended call's record.</summary>
[Collection(InteropCollection.Name)]
public sealed class SqliteCrashTests : CrashSafetyScenario, IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("vika-interop-crash-").FullName;

    [Fact]
    public Task Kill_9_leaves_an_intact_file_and_the_calls_cut_are_marked_crash_at_the_restart() => RunAsync();

    protected override ServerOptions Options() => new()
    {
        DataDir = _dataDir,
        Environment = new Dictionary<string, string> { ["VIKA_Server__NodeId"] = NodeId },
    };

    protected override IVikaDatabase Database() =>
        new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = _dataDir, Pooling = false });

    protected override Task AssertIntactAsync()
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "vika.db")};Mode=ReadWrite;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", command.ExecuteScalar() as string);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
