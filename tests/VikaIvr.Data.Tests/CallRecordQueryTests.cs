using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Tests;

/// <summary>The console's call-record queries, alike on every provider (run on SQLite and on a real PostgreSQL).</summary>
public abstract class CallRecordQueryTests
{
    /// <summary>10:00 UTC on 15 November 2026; records start minutes after it, in UTC as the server writes them.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 11, 15, 3, 0, 0, TimeSpan.Zero);

    /// <summary>A new, initialized, empty database of the provider under test.</summary>
    protected abstract Task<IVikaDatabase> CreateAsync();

    [Fact]
    public async Task Records_come_newest_first_and_filters_by_outcome_and_end_reason_are_exact()
    {
        var (_, query) = await SeedAsync();
        var all = await query.QueryAsync(new CallRecordQuery(), default);
        Assert.Equal(["c7", "c6", "c5", "c4", "c3", "c2", "c1"], Ids(all));
        Assert.Null(all.OlderCursor);
        Assert.Null(all.NewerCursor);

        Assert.Equal(["c6", "c2"], Ids(await query.QueryAsync(new CallRecordQuery { Outcome = "bill-answered" }, default)));
        Assert.Equal(["c7", "c3"], Ids(await query.QueryAsync(new CallRecordQuery { EndReason = "caller-hangup" }, default)));
        Assert.Equal(["c4"], Ids(await query.QueryAsync(new CallRecordQuery { EndReason = "flow-hangup", Outcome = "verification-failed" }, default)));
        Assert.Empty(Ids(await query.QueryAsync(new CallRecordQuery { EndReason = "caller-hangup", Outcome = "bill-answered" }, default)));
        Assert.Empty(Ids(await query.QueryAsync(new CallRecordQuery { Outcome = "bill" }, default)));
        Assert.Empty(Ids(await query.QueryAsync(new CallRecordQuery { Outcome = "Bill-Answered" }, default)));
    }

    [Fact]
    public async Task A_node_matches_a_whole_element_of_the_path_never_part_of_a_longer_id()
    {
        var (_, query) = await SeedAsync();
        Assert.Equal(["c6", "c5", "c2", "c1"], Ids(await query.QueryAsync(new CallRecordQuery { Node = "vika-menu" }, default)));
        Assert.Equal(["c4"], Ids(await query.QueryAsync(new CallRecordQuery { Node = "vika-menu-2" }, default)));
        // Every path starts at welcome; the first and the last element match like any other.
        Assert.Equal(7, Ids(await query.QueryAsync(new CallRecordQuery { Node = "welcome" }, default)).Count);
        Assert.Equal(["c5"], Ids(await query.QueryAsync(new CallRecordQuery { Node = "transfer" }, default)));
        Assert.Empty(Ids(await query.QueryAsync(new CallRecordQuery { Node = "menu" }, default)));
        Assert.Empty(Ids(await query.QueryAsync(new CallRecordQuery { Node = "vika" }, default)));
        Assert.Empty(Ids(await query.QueryAsync(new CallRecordQuery { Node = "Welcome" }, default)));
        Assert.Empty(Ids(await query.QueryAsync(new CallRecordQuery { Node = "%" }, default)));
        // Ids the JSON writer escapes (non-ASCII, quotes) are found as written.
        Assert.Equal(["c7"], Ids(await query.QueryAsync(new CallRecordQuery { Node = "menü 'x'" }, default)));
        Assert.Equal(["c6"], Ids(await query.QueryAsync(new CallRecordQuery { Node = "vika-menu", Outcome = "bill-answered", From = T0.AddMinutes(3) }, default)));
    }

    [Fact]
    public async Task The_time_range_takes_calls_started_from_its_start_up_to_but_not_at_its_end()
    {
        var (_, query) = await SeedAsync();
        Assert.Equal(["c4", "c3", "c2"], Ids(await query.QueryAsync(new CallRecordQuery { From = T0.AddMinutes(1), To = T0.AddMinutes(4) }, default)));
        Assert.Equal(["c7", "c6", "c5"], Ids(await query.QueryAsync(new CallRecordQuery { From = T0.AddMinutes(4) }, default)));
        Assert.Equal(["c1"], Ids(await query.QueryAsync(new CallRecordQuery { To = T0.AddMinutes(0.5) }, default)));
        // A bound in Jakarta time is the same instant.
        var jakarta = TimeSpan.FromHours(7);
        Assert.Equal(["c4", "c3", "c2"], Ids(await query.QueryAsync(
            new CallRecordQuery { From = T0.AddMinutes(1).ToOffset(jakarta), To = T0.AddMinutes(4).ToOffset(jakarta) }, default)));
        Assert.Empty(Ids(await query.QueryAsync(new CallRecordQuery { From = T0.AddDays(1) }, default)));
    }

    [Fact]
    public async Task Pages_go_older_and_back_newer_without_gaps_or_repeats()
    {
        var (_, query) = await SeedAsync();
        var first = await query.QueryAsync(new CallRecordQuery { PageSize = 3 }, default);
        Assert.Equal(["c7", "c6", "c5"], Ids(first));
        Assert.Null(first.NewerCursor);
        Assert.NotNull(first.OlderCursor);

        var second = await query.QueryAsync(new CallRecordQuery { PageSize = 3, Before = first.OlderCursor }, default);
        Assert.Equal(["c4", "c3", "c2"], Ids(second));
        var third = await query.QueryAsync(new CallRecordQuery { PageSize = 3, Before = second.OlderCursor }, default);
        Assert.Equal(["c1"], Ids(third));
        Assert.Null(third.OlderCursor);

        var back = await query.QueryAsync(new CallRecordQuery { PageSize = 3, After = third.NewerCursor }, default);
        Assert.Equal(["c4", "c3", "c2"], Ids(back));
        Assert.NotNull(back.OlderCursor);
        var top = await query.QueryAsync(new CallRecordQuery { PageSize = 3, After = back.NewerCursor }, default);
        Assert.Equal(["c7", "c6", "c5"], Ids(top));
        Assert.Null(top.NewerCursor);
        Assert.Equal(top.OlderCursor, first.OlderCursor);
    }

    [Fact]
    public async Task Pages_of_a_filter_keep_the_filter_and_calls_started_in_the_same_tick_are_neither_skipped_nor_repeated()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        for (int i = 1; i <= 5; i++) await store.SaveAsync(Record("same" + i, T0, "status-answered", "flow-hangup", "welcome"), default);
        await store.SaveAsync(Record("other", T0, "transferred", "transfer", "welcome"), default);
        var query = new CallRecordQueryStore(db);

        var seen = new List<string>();
        long? cursor = null;
        do
        {
            var page = await query.QueryAsync(new CallRecordQuery { PageSize = 2, Before = cursor, Outcome = "status-answered" }, default);
            seen.AddRange(Ids(page));
            cursor = page.OlderCursor;
        }
        while (cursor is not null);
        Assert.Equal(["same5", "same4", "same3", "same2", "same1"], seen);
    }

    [Fact]
    public async Task The_page_size_is_bounded()
    {
        var (_, query) = await SeedAsync();
        Assert.Equal(["c7"], Ids(await query.QueryAsync(new CallRecordQuery { PageSize = 1 }, default)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => query.QueryAsync(new CallRecordQuery { PageSize = 0 }, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => query.QueryAsync(new CallRecordQuery { PageSize = CallRecordQuery.MaxPageSize + 1 }, default));
        await Assert.ThrowsAsync<ArgumentException>(() => query.QueryAsync(new CallRecordQuery { Before = 1, After = 2 }, default));
    }

    [Fact]
    public async Task A_call_is_found_by_its_id_as_its_latest_row()
    {
        var (store, query) = await SeedAsync();
        var found = await query.FindAsync("c2", default);
        Assert.NotNull(found);
        var expected = Record("c2", T0.AddMinutes(1), "bill-answered", "flow-hangup", "welcome", "main-menu", "vika-menu", "bill");
        expected.NodeId = "node-a";
        Assert.Equal(CallRecordJsonLines.Format(expected), CallRecordJsonLines.Format(found));
        Assert.Equal([0L, 1_500L, 3_000L, 4_500L], found.NodeTimesMs);
        Assert.Null(await query.FindAsync("c", default));
        Assert.Null(await query.FindAsync("nope", default));

        // The same call id written again by another node (a call moved between nodes): the latest row wins.
        var again = Record("c2", T0.AddMinutes(1), "transferred", "transfer", "welcome", "transfer");
        again.NodeId = "node-b";
        await store.SaveAsync(again, default);
        var latest = await query.FindAsync("c2", default);
        Assert.Equal("node-b", latest!.NodeId);
        Assert.Equal("transferred", latest.Outcome);

        // A call still in progress is found too.
        var open = Record("live", T0.AddMinutes(9), "", "", "welcome");
        await store.OpenAsync(open, default);
        Assert.Equal(DbCallRecordStore.InProgress, (await query.FindAsync("live", default))!.EndReason);
    }

    [Fact]
    public async Task The_filter_values_are_the_distinct_outcomes_end_reasons_and_nodes_in_order()
    {
        var (store, query) = await SeedAsync();
        await store.OpenAsync(Record("live", T0.AddMinutes(9), "", "", "welcome"), default);
        var values = await query.GetValuesAsync(default);
        Assert.Equal(["bill-answered", "menu-abandoned", "status-answered", "transferred", "verification-failed"], values.Outcomes);
        Assert.Equal(["caller-hangup", "flow-hangup", "in-progress", "transfer"], values.EndReasons);
        Assert.Equal(["bill", "enter-id", "main-menu", "menü 'x'", "status", "transfer", "vika-menu", "vika-menu-2", "welcome"], values.Nodes);

        var empty = await CreateAsync();
        var none = await new CallRecordQueryStore(empty).GetValuesAsync(default);
        Assert.Empty(none.Outcomes);
        Assert.Empty(none.EndReasons);
        Assert.Empty(none.Nodes);
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_is_a_data_store_error()
    {
        var query = new CallRecordQueryStore(new FailingConnectionFactory());
        await Assert.ThrowsAsync<DataStoreException>(() => query.QueryAsync(new CallRecordQuery(), default));
        await Assert.ThrowsAsync<DataStoreException>(() => query.FindAsync("c1", default));
        await Assert.ThrowsAsync<DataStoreException>(() => query.GetValuesAsync(default));
    }

    private async Task<(DbCallRecordStore Store, CallRecordQueryStore Query)> SeedAsync()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        // Written out of time order: the list is by start time, not by when the row was written.
        await store.SaveAsync(Record("c3", T0.AddMinutes(2), "menu-abandoned", "caller-hangup", "welcome", "main-menu"), default);
        await store.SaveAsync(Record("c1", T0, "status-answered", "flow-hangup", "welcome", "main-menu", "vika-menu", "status"), default);
        await store.SaveAsync(Record("c2", T0.AddMinutes(1), "bill-answered", "flow-hangup", "welcome", "main-menu", "vika-menu", "bill"), default);
        await store.SaveAsync(Record("c4", T0.AddMinutes(3), "verification-failed", "flow-hangup", "welcome", "main-menu", "vika-menu-2", "enter-id"), default);
        await store.SaveAsync(Record("c5", T0.AddMinutes(4), "transferred", "transfer", "welcome", "vika-menu", "transfer"), default);
        await store.SaveAsync(Record("c6", T0.AddMinutes(5), "bill-answered", "flow-hangup", "welcome", "main-menu", "vika-menu", "bill"), default);
        await store.SaveAsync(Record("c7", T0.AddMinutes(6), "menu-abandoned", "caller-hangup", "welcome", "menü 'x'"), default);
        return (store, new CallRecordQueryStore(db));
    }

    private static CallRecord Record(string id, DateTimeOffset start, string outcome, string endReason, params string[] nodes)
    {
        var r = new CallRecord
        {
            CallId = id,
            Caller = "sip:0812@127.0.0.1",
            Called = "165",
            StartedAt = start,
            AnsweredAt = start.AddMilliseconds(250),
            EndedAt = start.AddSeconds(30),
            Outcome = outcome,
            EndReason = endReason,
            EndedBy = "server",
            Codec = "PCMU",
        };
        r.Nodes.AddRange(nodes);
        for (int i = 0; i < nodes.Length; i++) r.NodeTimesMs.Add(i * 1_500L);
        r.Events.Add("digits enter-id 3171********0001");
        return r;
    }

    private static List<string> Ids(CallRecordQueryPage page) => [.. page.Records.Select(r => r.CallId)];
}
