using VikaIvr.Data.FlowRevisions;
using VikaIvr.Flows.Loading;
using VikaIvr.Server.Hosting.Flows;

namespace VikaIvr.Server.Tests.Flows;

/// <summary>Which revision serve starts with: the file on an empty table, the file again when it was edited, else the active revision.</summary>
public sealed class FlowStartRuleTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly List<FlowRevisionDatabase> _databases = [];

    [Fact]
    public async Task On_an_empty_table_the_flow_file_becomes_revision_1_and_is_activated()
    {
        var store = await StoreAsync();
        var choice = await StartAsync(store, FlowRevisionDatabase.ValidA, T0);

        Assert.True(choice.Stored);
        Assert.Equal(1, choice.Revision.Id);
        Assert.Equal(FlowRevisionSources.File, choice.Revision.Source);
        Assert.Equal(1, await store.GetActiveIdAsync(default));
        Assert.Equal(FlowRevisionDatabase.ValidA, (await store.GetActiveAsync(default))!.Yaml);
    }

    [Fact]
    public async Task A_restart_with_the_same_file_stores_nothing()
    {
        var store = await StoreAsync();
        await StartAsync(store, FlowRevisionDatabase.ValidA, T0);
        var again = await StartAsync(store, FlowRevisionDatabase.ValidA, T0.AddHours(1));

        Assert.False(again.Stored);
        Assert.Equal(1, again.Revision.Id);
        Assert.Single(await store.ListAsync(10, default));
    }

    [Fact]
    public async Task A_console_activation_survives_a_restart_while_the_file_is_unchanged()
    {
        var store = await StoreAsync();
        await StartAsync(store, FlowRevisionDatabase.ValidA, T0);
        var console = await store.AddAsync(FlowRevisionDatabase.ValidB, "ana", FlowRevisionSources.Console, null, T0.AddMinutes(1), default);
        await store.ActivateAsync(console.Id, T0.AddMinutes(1), default);

        var choice = await StartAsync(store, FlowRevisionDatabase.ValidA, T0.AddHours(1));

        Assert.False(choice.Stored);
        Assert.Equal(console.Id, choice.Revision.Id);
        Assert.Equal(FlowRevisionDatabase.ValidB, choice.Revision.Yaml);
        Assert.Equal(console.Id, await store.GetActiveIdAsync(default));
    }

    [Fact]
    public async Task A_file_edited_since_its_last_revision_wins_over_a_console_activation()
    {
        var store = await StoreAsync();
        await StartAsync(store, FlowRevisionDatabase.ValidA, T0);
        var console = await store.AddAsync(FlowRevisionDatabase.ValidB, "ana", FlowRevisionSources.Console, null, T0.AddMinutes(1), default);
        await store.ActivateAsync(console.Id, T0.AddMinutes(1), default);
        string edited = FlowRevisionDatabase.ValidA + "\n# edited\n";

        var choice = await StartAsync(store, edited, T0.AddHours(1));

        Assert.True(choice.Stored);
        Assert.Equal(3, choice.Revision.Id);
        Assert.Equal(3, await store.GetActiveIdAsync(default));
        Assert.Equal(edited, (await store.GetActiveAsync(default))!.Yaml);
    }

    [Fact]
    public async Task An_invalid_edited_file_stops_the_start_with_its_line_and_stores_nothing()
    {
        var store = await StoreAsync();
        await StartAsync(store, FlowRevisionDatabase.ValidA, T0);

        var ex = await Assert.ThrowsAsync<FlowValidationException>(() => StartAsync(store, FlowRevisionDatabase.Unreachable, T0.AddHours(1)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(5, error.Line);
        Assert.Equal(FlowRevisionDatabase.FlowFile, error.File);
        Assert.Single(await store.ListAsync(10, default));
        Assert.Equal(1, await store.GetActiveIdAsync(default));
    }

    [Fact]
    public async Task A_file_equal_to_the_active_cli_revision_is_not_stored_twice()
    {
        var store = await StoreAsync();
        var cli = await store.AddAsync(FlowRevisionDatabase.ValidA, "ops", FlowRevisionSources.Cli, null, T0, default);
        await store.ActivateAsync(cli.Id, T0, default);

        var choice = await StartAsync(store, FlowRevisionDatabase.ValidA, T0.AddHours(1));

        Assert.False(choice.Stored);
        Assert.Equal(cli.Id, choice.Revision.Id);
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
    }

    private static Task<FlowStartChoice> StartAsync(FlowRevisionStore store, string fileYaml, DateTimeOffset now) =>
        FlowStartRule.ChooseAsync(store, FlowRevisionDatabase.FlowFile, fileYaml, FlowRevisionDatabase.Check, now, default);

    private async Task<FlowRevisionStore> StoreAsync()
    {
        var db = await FlowRevisionDatabase.CreateAsync();
        _databases.Add(db);
        return db.Store;
    }
}
