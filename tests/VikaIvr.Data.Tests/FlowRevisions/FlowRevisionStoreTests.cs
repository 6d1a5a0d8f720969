using VikaIvr.Data.FlowRevisions;

namespace VikaIvr.Data.Tests.FlowRevisions;

/// <summary>The flow_revisions store, alike on SQLite and on a real PostgreSQL.</summary>
public abstract class FlowRevisionStoreTests
{
    protected static readonly DateTimeOffset T0 = TempDatabase.Now;

    /// <summary>A new, initialized database of the provider under test.</summary>
    protected abstract Task<IVikaDatabase> CreateAsync();

    [Fact]
    public async Task Revisions_are_numbered_from_one_and_kept_as_given()
    {
        var store = new FlowRevisionStore(await CreateAsync());
        var first = await store.AddAsync("start: a\n", "vika serve", FlowRevisionSources.File, "at start", T0, default);
        var second = await store.AddAsync("start: b\n", "ana", FlowRevisionSources.Console, "  welcome changed ", T0.AddMinutes(1), default);

        Assert.Equal(1, first.Id);
        Assert.Equal(2, second.Id);
        var read = await store.GetAsync(2, default);
        Assert.NotNull(read);
        Assert.Equal("start: b\n", read.Yaml);
        Assert.Equal("ana", read.Author);
        Assert.Equal(FlowRevisionSources.Console, read.Source);
        Assert.Equal("welcome changed", read.Comment);
        Assert.Equal(FlowRevisionStore.Hash("start: b\n"), read.ContentHash);
        Assert.Equal(T0.AddMinutes(1), DateTimeOffset.Parse(read.CreatedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(read.ActivatedAt);
        Assert.Null(await store.GetAsync(3, default));
    }

    [Fact]
    public async Task Nothing_is_active_until_a_revision_is_activated()
    {
        var store = new FlowRevisionStore(await CreateAsync());
        Assert.Null(await store.GetActiveAsync(default));
        await store.AddAsync("start: a\n", "ana", FlowRevisionSources.Cli, null, T0, default);
        Assert.Null(await store.GetActiveAsync(default));
        Assert.Null(await store.GetActiveIdAsync(default));
    }

    [Fact]
    public async Task The_revision_activated_last_is_active_and_a_rollback_activates_an_older_one_again()
    {
        var store = new FlowRevisionStore(await CreateAsync());
        var one = await store.AddAsync("start: a\n", "vika serve", FlowRevisionSources.File, null, T0, default);
        var two = await store.AddAsync("start: b\n", "ana", FlowRevisionSources.Console, null, T0, default);
        Assert.True(await store.ActivateAsync(one.Id, T0, default));
        Assert.True(await store.ActivateAsync(two.Id, T0.AddMinutes(1), default));
        Assert.Equal(two.Id, (await store.GetActiveAsync(default))!.Id);
        Assert.Equal(two.Id, await store.GetActiveIdAsync(default));

        Assert.True(await store.ActivateAsync(one.Id, T0.AddMinutes(2), default));
        var active = await store.GetActiveAsync(default);
        Assert.Equal(one.Id, active!.Id);
        Assert.Equal("start: a\n", active.Yaml);
        Assert.Equal(one.Id, await store.GetActiveIdAsync(default));
        Assert.False(await store.ActivateAsync(99, T0.AddMinutes(3), default));
    }

    [Fact]
    public async Task A_rollback_at_the_same_instant_or_from_a_clock_behind_still_becomes_active()
    {
        var store = new FlowRevisionStore(await CreateAsync());
        var one = await store.AddAsync("start: a\n", "ana", FlowRevisionSources.Cli, null, T0, default);
        var two = await store.AddAsync("start: b\n", "ana", FlowRevisionSources.Cli, null, T0, default);
        await store.ActivateAsync(two.Id, T0, default);
        await store.ActivateAsync(one.Id, T0, default);
        Assert.Equal(one.Id, await store.GetActiveIdAsync(default));
        await store.ActivateAsync(two.Id, T0.AddMinutes(-5), default);
        Assert.Equal(two.Id, await store.GetActiveIdAsync(default));
    }

    [Fact]
    public async Task The_latest_revision_from_the_file_is_found_among_others()
    {
        var store = new FlowRevisionStore(await CreateAsync());
        Assert.Null(await store.GetLatestFromFileAsync(default));
        await store.AddAsync("start: a\n", "vika serve", FlowRevisionSources.File, null, T0, default);
        var edited = await store.AddAsync("start: b\n", "SIGHUP", FlowRevisionSources.File, null, T0, default);
        await store.AddAsync("start: c\n", "ana", FlowRevisionSources.Console, null, T0, default);
        var latest = await store.GetLatestFromFileAsync(default);
        Assert.Equal(edited.Id, latest!.Id);
        Assert.Equal("start: b\n", latest.Yaml);
    }

    [Fact]
    public async Task The_list_is_newest_first_without_the_text_and_marks_activations()
    {
        var store = new FlowRevisionStore(await CreateAsync());
        for (int i = 0; i < 4; i++) await store.AddAsync($"start: n{i}\n", "ana", FlowRevisionSources.Cli, null, T0.AddMinutes(i), default);
        await store.ActivateAsync(3, T0.AddMinutes(5), default);
        var list = await store.ListAsync(3, default);
        Assert.Equal([4L, 3L, 2L], list.Select(r => r.Id));
        Assert.All(list, r => Assert.Equal("", r.Yaml));
        Assert.NotNull(list[1].ActivatedAt);
        Assert.Null(list[0].ActivatedAt);
    }

    [Fact]
    public void The_hash_is_the_same_for_the_same_text_only()
    {
        Assert.Equal(FlowRevisionStore.Hash("start: a\n"), FlowRevisionStore.Hash("start: a\n"));
        Assert.NotEqual(FlowRevisionStore.Hash("start: a\n"), FlowRevisionStore.Hash("start: a\r\n"));
        Assert.Equal(64, FlowRevisionStore.Hash("").Length);
    }
}
