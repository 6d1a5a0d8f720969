using Microsoft.Extensions.Configuration;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Tests;

public class DataStoreSettingsTests
{
    [Fact]
    public void Sqlite_is_the_default_and_postgres_with_a_connection_string_is_accepted()
    {
        Assert.Equal("sqlite", Read([]).Data.Provider);
        var settings = Read(new() { ["Data:Provider"] = "postgres", ["Data:ConnectionString"] = "Host=127.0.0.1;Port=5432;Username=postgres;Database=vika" });
        Assert.Equal("postgres", settings.Data.Provider);
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_its_key()
    {
        var line = Assert.Single(Problems(new() { ["Data:Provider"] = "mysql" }));
        Assert.Equal("invalid setting Data:Provider = 'mysql': expected sqlite (the embedded file) or postgres (with Data:ConnectionString)", line);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var line = Assert.Single(Problems(new() { ["Data:Provider"] = "postgres" }));
        Assert.StartsWith("invalid setting Data:ConnectionString = '': expected a PostgreSQL connection string", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_connection_string_is_refused_without_echoing_it()
    {
        var line = Assert.Single(Problems(new() { ["Data:Provider"] = "postgres", ["Data:ConnectionString"] = "Host=127.0.0.1;Password=s3cret;Colour=blue" }));
        Assert.StartsWith("invalid setting Data:ConnectionString = '(hidden)'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_node_id_defaults_to_the_host_name()
    {
        Assert.Equal(Environment.MachineName, DataStore.NodeId(Read([])));
        Assert.Equal("node-2", DataStore.NodeId(Read(new() { ["Server:NodeId"] = "node-2" })));
    }

    private static VikaSettings Read(Dictionary<string, string?> values) =>
        SettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/home");

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> values) =>
        Assert.Throws<SettingsException>(() => Read(values)).Problems;
}
