using Dapper;
using Microsoft.Data.Sqlite;
using VikaIvr.Data.Migrations;

namespace VikaIvr.Data.Tests;

public class MigrationTests
{
    [Fact]
    public async Task Initialize_creates_the_file_in_wal_mode_with_every_migration()
    {
        using var db = await TempDatabase.CreateAsync();
        Assert.True(File.Exists(Path.Combine(db.Directory, "vika.db")));

        await using var c = await db.Database.OpenSqliteAsync(default);
        Assert.Equal("wal", c.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(SchemaMigrations.All[^1].Version, SchemaMigrator.CurrentVersion(c));
        Assert.Equal(SchemaMigrations.All.Count, c.ExecuteScalar<int>("SELECT COUNT(*) FROM schema_version"));
        var indexes = c.Query<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'participants'").ToList();
        Assert.Contains("ux_participants_nik", indexes);
        Assert.Contains("ux_participants_card", indexes);
    }

    [Fact]
    public async Task Migrations_are_idempotent()
    {
        using var db = await TempDatabase.CreateAsync();
        await db.Database.InitializeAsync(db.Clock, default);
        await using var c = await db.Database.OpenSqliteAsync(default);
        Assert.Empty(SchemaMigrator.Apply(c, SchemaMigrations.All, db.Clock));
        Assert.Equal(SchemaMigrations.All.Count, c.ExecuteScalar<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(6, c.ExecuteScalar<int>("SELECT COUNT(*) FROM participants"));
    }

    [Fact]
    public async Task A_new_migration_is_applied_once_after_the_existing_ones()
    {
        using var db = await TempDatabase.CreateAsync();
        await using var c = await db.Database.OpenSqliteAsync(default);
        var more = SchemaMigrations.All.Append(new Migration(99, "extra", "CREATE TABLE extra (x INTEGER);")).ToList();
        Assert.Equal([99], SchemaMigrator.Apply(c, more, db.Clock));
        Assert.Empty(SchemaMigrator.Apply(c, more, db.Clock));
        Assert.Equal(99, SchemaMigrator.CurrentVersion(c));
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_half_applied()
    {
        using var db = await TempDatabase.CreateAsync();
        await using var c = await db.Database.OpenSqliteAsync(default);
        var broken = SchemaMigrations.All.Append(new Migration(50, "broken", "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;")).ToList();
        Assert.Throws<SqliteException>(() => SchemaMigrator.Apply(c, broken, db.Clock));
        Assert.Equal(0, c.ExecuteScalar<int>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'"));
        Assert.Equal(SchemaMigrations.All[^1].Version, SchemaMigrator.CurrentVersion(c));
    }

    [Fact]
    public void Versions_must_increase()
    {
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        var bad = new[] { new Migration(2, "b", "SELECT 1;"), new Migration(1, "a", "SELECT 1;") };
        Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Apply(c, bad, TimeProvider.System));
    }
}
