using Microsoft.Data.Sqlite;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>`vika cdr` and `vika db seed` against temporary data folders.</summary>
[Collection(InteropCollection.Name)]
public sealed class DataCliTests
{
    [Fact]
    public async Task Cdr_json_on_an_empty_data_folder_prints_nothing()
    {
        using var temp = new TempFolder();

        var result = await VikaCli.RunAsync("cdr", "--json", "--data", temp.Path);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(result.StdOut.Trim().Length == 0, result.Describe());
    }

    [Fact]
    public async Task Db_seed_adds_synthetic_participants()
    {
        using var temp = new TempFolder();

        var result = await VikaCli.RunAsync("db", "seed", "--synthetic", "1000", "--data", temp.Path);

        Assert.True(result.ExitCode == 0, result.Describe());
        var database = Directory.GetFiles(temp.Path, "*.db").Single();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM participants";
        Assert.InRange(Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), 1000, long.MaxValue);
    }
}
