using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Data.CallRecords;
using VikaIvr.Data.Participants;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Data.Synthetic;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Tests;

/// <summary>What every store provider must do alike (run once on SQLite, once on a real PostgreSQL).</summary>
public abstract class StoreBehaviourTests
{
    protected FakeTimeProvider Clock { get; } = new(TempDatabase.Now);

    /// <summary>A new, initialized database of the provider under test.</summary>
    protected abstract Task<IVikaDatabase> CreateAsync();

    /// <summary>The same database opened again (a restart), not initialized yet.</summary>
    protected abstract IVikaDatabase Reopen(IVikaDatabase database);

    protected abstract IReadOnlyList<Migrations.Migration> Migrations { get; }

    [Fact]
    public async Task Migrations_are_applied_once_and_a_restart_applies_none()
    {
        var db = await CreateAsync();
        await Reopen(db).InitializeAsync(Clock, default);
        await using var c = await db.OpenAsync(default);
        Assert.Equal(Migrations.Count, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(Migrations[^1].Version, Data.Migrations.SchemaMigrator.CurrentVersion(c));
        // Both providers carry the same schema versions, so one set of queries serves both.
        Assert.Equal(Data.Migrations.SchemaMigrations.All.Select(m => m.Version), Migrations.Select(m => m.Version));
    }

    [Theory]
    [InlineData("2026-11-15T10:00:00.9999996+07:00", "2026-11-15T03:00:00.9999996+00:00")]
    [InlineData("2026-11-15T01:15:30.1234567-03:30", "2026-11-15T04:45:30.1234567+00:00")]
    [InlineData("2026-01-01T06:59:59.0000001+07:00", "2025-12-31T23:59:59.0000001+00:00")]
    [InlineData("2026-11-15T03:00:00.5000000+00:00", "2026-11-15T03:00:00.5000000+00:00")]
    public async Task Migration_6_rewrites_record_times_in_utc_keeping_every_fraction_digit(string written, string utc)
    {
        var db = await CreateAsync();
        await using var c = await db.OpenAsync(default);
        await c.ExecuteAsync(
            """
            INSERT INTO call_records (call_id, caller, called, started_at, answered_at, ended_at, end_reason, ended_by,
                dtmf_methods, nodes, events, outcome, failures, rtp_packets_sent, rtp_packets_received, rtp_packets_lost, rtp_jitter_ms)
            VALUES ('old', 'a', '165', @t, @t, NULL, 'caller-hangup', 'caller', '[]', '[]', '[]', '', '[]', 0, 0, 0, 0)
            """,
            new { t = written });
        await c.ExecuteAsync(Migrations.Single(m => m.Version == 6).Sql);
        var row = await c.QuerySingleAsync<(string Started, string Answered, string? Ended)>(
            "SELECT started_at, answered_at, ended_at FROM call_records WHERE call_id = 'old'");
        Assert.Equal(utc, row.Started);
        Assert.Equal(utc, row.Answered);
        Assert.Null(row.Ended);
        Assert.Equal(DateTimeOffset.Parse(written, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.ParseExact(row.Started, "O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Demo_participants_are_found_by_nik_and_card()
    {
        var db = await CreateAsync();
        var repo = new SqliteParticipantRepository(db);
        var budi = await repo.FindByNikAsync("3171011708850001", default);
        Assert.NotNull(budi);
        Assert.Equal("Budi Santoso", budi.Name);
        Assert.Equal(budi, await repo.FindByCardAsync("0001234567890", default));
        Assert.Null(await repo.FindByNikAsync("3171011708850009", default));
    }

    [Fact]
    public async Task Synthetic_participants_are_added_and_continue_after_those_there()
    {
        var db = await CreateAsync();
        var seeder = new SyntheticSeeder(db, Clock);
        Assert.Equal(2_000, await seeder.SeedAsync(2_000, default));
        Assert.Equal(500, await seeder.SeedAsync(500, default));
        // The second run went on from row 2 000: its first row is the generator's row 2 000 exactly.
        var sample = new SyntheticParticipantGenerator().Generate(2_000, 1, DateOnly.FromDateTime(TempDatabase.Now.Date)).Single();
        Assert.Equal(sample, await new SqliteParticipantRepository(db).FindByNikAsync(sample.Nik, default));
        await using var c = await db.OpenAsync(default);
        Assert.Equal(2_506, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM participants"));
    }

    [Fact]
    public async Task A_record_opened_at_answer_is_completed_at_the_end_in_one_row_with_the_node()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        var record = Record("c1");
        await store.OpenAsync(record, default);

        var open = Assert.Single(await store.GetLastAsync(10, default));
        Assert.Equal(DbCallRecordStore.InProgress, open.EndReason);
        Assert.Equal("node-a", open.NodeId);
        Assert.Null(open.EndedAt);

        End(record);
        await store.SaveAsync(record, default);
        var done = Assert.Single(await store.GetLastAsync(10, default));
        Assert.Equal("caller-hangup", done.EndReason);
        Assert.Equal("node-a", done.NodeId);
        Assert.Equal(["welcome", "main-menu"], done.Nodes);
        Assert.Equal(record.EndedAt, done.EndedAt);
    }

    [Fact]
    public async Task A_record_never_opened_is_added_at_the_end()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        var record = Record("c1");
        End(record);
        await store.SaveAsync(record, default);
        var saved = Assert.Single(await store.GetLastAsync(10, default));
        Assert.Equal("caller-hangup", saved.EndReason);
        Assert.Equal("node-a", saved.NodeId);
    }

    [Fact]
    public async Task At_start_the_calls_this_node_left_open_are_marked_crash_and_other_nodes_are_left_alone()
    {
        var db = await CreateAsync();
        var a = new DbCallRecordStore(db, "node-a");
        var b = new DbCallRecordStore(db, "node-b");
        var ended = Record("ended");
        await a.OpenAsync(ended, default);
        End(ended);
        await a.SaveAsync(ended, default);
        await a.OpenAsync(Record("cut-1"), default);
        await a.OpenAsync(Record("cut-2"), default);
        await b.OpenAsync(Record("on-b"), default);

        var restarted = new DbCallRecordStore(Reopen(db), "node-a");
        Assert.Equal(2, await restarted.MarkCrashedAsync(default));
        Assert.Equal(0, await restarted.MarkCrashedAsync(default));

        var all = (await a.GetLastAsync(10, default)).ToDictionary(r => r.CallId);
        Assert.Equal(4, all.Count);
        Assert.Equal("caller-hangup", all["ended"].EndReason);
        foreach (var id in new[] { "cut-1", "cut-2" })
        {
            Assert.Equal(DbCallRecordStore.Crash, all[id].EndReason);
            Assert.Equal("system", all[id].EndedBy);
            Assert.Null(all[id].EndedAt);
            Assert.Equal([DbCallRecordStore.CrashFailure], all[id].Failures);
        }

        Assert.Equal(DbCallRecordStore.InProgress, all["on-b"].EndReason);
    }

    [Fact]
    public async Task The_background_writer_opens_and_completes_in_order()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        await using var writer = new BackgroundCallRecordWriter(store, NullLogger<BackgroundCallRecordWriter>.Instance);
        var record = Record("c1");
        await writer.OpenAsync(record, default);
        End(record);
        await writer.SaveAsync(record, default);
        await writer.FlushAsync(default);
        var saved = Assert.Single(await store.GetLastAsync(10, default));
        Assert.Equal("caller-hangup", saved.EndReason);
    }

    [Fact]
    public async Task The_store_writes_every_call_on_one_connection_and_opens_a_new_one_after_a_failure()
    {
        var db = await CreateAsync();
        var connections = new CountingConnectionFactory(db);
        await using var store = new DbCallRecordStore(connections, "node-a");
        for (int i = 0; i < 40; i++)
        {
            var call = Record("c" + i);
            await store.OpenAsync(call, default);
            if (i % 2 == 0)
            {
                End(call);
                call.Nodes.Add("c" + i);
                await store.SaveAsync(call, default);
            }
        }

        // One connection, its statements prepared once, took every write.
        Assert.Equal(1, connections.Opened);

        // The connection is lost under the store: that write fails, named as before ...
        await connections.Last!.CloseAsync();
        var lost = await Assert.ThrowsAsync<DataStoreException>(() => store.OpenAsync(Record("lost-1"), default));
        Assert.StartsWith("Opening call record lost-1 failed: ", lost.Message);
        // ... and while the database cannot be reached, so do the next ones ...
        connections.Failing = true;
        var ended = Record("lost-2");
        End(ended);
        lost = await Assert.ThrowsAsync<DataStoreException>(() => store.SaveAsync(ended, default));
        Assert.Equal("Saving call record lost-2 failed: disk unplugged", lost.Message);

        // ... but once it is back, the store writes again, on a new connection.
        connections.Failing = false;
        var after = Record("after");
        await store.OpenAsync(after, default);
        End(after);
        await store.SaveAsync(after, default);
        var never = Record("never-opened");
        End(never);
        await store.SaveAsync(never, default);
        Assert.Equal(2, connections.Opened);

        var all = (await store.GetLastAsync(100, default)).ToDictionary(r => r.CallId);
        Assert.Equal(42, all.Count);
        Assert.DoesNotContain("lost-1", all.Keys);
        Assert.DoesNotContain("lost-2", all.Keys);
        for (int i = 0; i < 40; i++)
        {
            var row = all["c" + i];
            Assert.Equal("node-a", row.NodeId);
            Assert.Equal(TempDatabase.Now, row.StartedAt);
            Assert.Equal(TempDatabase.Now.AddMilliseconds(200), row.AnsweredAt);
            Assert.Equal(i % 2 == 0 ? "caller-hangup" : DbCallRecordStore.InProgress, row.EndReason);
            Assert.Equal(i % 2 == 0 ? ["welcome", "main-menu", "c" + i] : [], row.Nodes);
        }

        Assert.Equal("caller-hangup", all["after"].EndReason);
        Assert.Equal("caller-hangup", all["never-opened"].EndReason);
        Assert.Equal(TempDatabase.Now.AddSeconds(30), all["never-opened"].EndedAt);
    }

    [Fact]
    public async Task Prompt_versions_are_numbered_per_prompt_and_read_after_a_bookmark()
    {
        var db = await CreateAsync();
        var store = new PromptVersionStore(db);
        Assert.Equal(0, await store.LatestIdAsync(default));
        byte[] wav1 = [1, 2, 3, 0, 255];
        var v1 = await store.AddAsync("welcome", wav1, "phone", "node-a", "sip:op@127.0.0.1", TempDatabase.Now, default);
        var other = await store.AddAsync("goodbye", [9], "import", "node-a", null, TempDatabase.Now, default);
        var v2 = await store.AddAsync("welcome", [4, 5], "phone", "node-b", null, TempDatabase.Now, default);
        Assert.Equal((1, 1, 2), (v1.Version, other.Version, v2.Version));
        Assert.True(v1.Id < other.Id && other.Id < v2.Id);
        Assert.Equal(v2.Id, await store.LatestIdAsync(default));

        var after = await store.GetAfterAsync(v1.Id, 10, default);
        Assert.Equal([other.Id, v2.Id], after.Select(v => v.Id));
        Assert.Equal([4, 5], after[1].Wav);
        Assert.Equal("node-b", after[1].NodeId);
        var first = Assert.Single(await store.GetAfterAsync(0, 1, default));
        Assert.Equal(wav1, first.Wav);
        Assert.Equal("sip:op@127.0.0.1", first.RecordedBy);
    }

    [Fact]
    public async Task A_prompts_history_is_newest_first_without_audio_and_one_version_is_read_with_it()
    {
        var db = await CreateAsync();
        var store = new PromptVersionStore(db);
        await store.AddAsync("welcome", [1, 2, 3], "baseline", "node-a", null, TempDatabase.Now, default);
        await store.AddAsync("goodbye", [9], "console", "node-a", "rina", TempDatabase.Now, default);
        await store.AddAsync("welcome", [4, 5], "console", "node-b", "rina", TempDatabase.Now, default);

        var history = await store.GetHistoryAsync("welcome", 10, default);
        Assert.Equal([2, 1], history.Select(v => v.Version));
        Assert.Equal([2L, 3L], history.Select(v => v.Size));
        Assert.Equal(("console", "node-b", "rina"), (history[0].Source, history[0].NodeId, history[0].RecordedBy));
        Assert.Single(await store.GetHistoryAsync("welcome", 1, default));

        var first = await store.GetAsync("welcome", 1, default);
        Assert.NotNull(first);
        Assert.Equal([1, 2, 3], first.Wav);
        Assert.Null(await store.GetAsync("welcome", 3, default));
        Assert.Empty(await store.GetHistoryAsync("not-there", 10, default));
    }

    [Fact]
    public async Task Node_entry_times_are_stored_beside_the_nodes()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        var record = Record("c-times");
        End(record);
        record.NodeTimesMs.AddRange([0, 6_100]);
        await store.SaveAsync(record, default);

        var read = Assert.Single(await store.GetLastAsync(1, default));
        Assert.Equal(["welcome", "main-menu"], read.Nodes);
        Assert.Equal([0L, 6_100L], read.NodeTimesMs);
    }

    [Fact]
    public async Task A_user_is_added_found_updated_and_disabled_by_name()
    {
        var db = await CreateAsync();
        var users = new Users.UserStore(db);
        Assert.True(await users.AddOrUpdateAsync("sari", "hash-1", Users.ConsoleRoles.Operator, Clock.GetUtcNow(), default));
        Assert.False(await users.AddOrUpdateAsync("sari", "hash-2", Users.ConsoleRoles.Supervisor, Clock.GetUtcNow(), default));

        var sari = await users.FindAsync("sari", default);
        Assert.NotNull(sari);
        Assert.Equal(("hash-2", "supervisor", false), (sari.PasswordHash, sari.Role, sari.Disabled));
        Assert.Null(await users.FindAsync("Sari2", default));

        Assert.True(await users.SetDisabledAsync("sari", true, default));
        Assert.True((await users.FindAsync("sari", default))!.Disabled);
        Assert.False(await users.SetDisabledAsync("nobody", true, default));
        await Assert.ThrowsAsync<ArgumentException>(() => users.AddOrUpdateAsync("x", "h", "root", Clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task The_audit_log_keeps_who_did_what_newest_first()
    {
        var db = await CreateAsync();
        var audit = new Audit.AuditLog(db, Clock);
        await audit.AddAsync("sari", "prompt.upload", "welcome", "version 2", default);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await audit.AddAsync("adi", "flow.activate", "revision 3", null, default);

        var entries = await audit.GetLatestAsync(10, default);
        Assert.Equal(["flow.activate", "prompt.upload"], entries.Select(e => e.Action));
        Assert.Equal("adi", entries[0].Actor);
        Assert.Equal("version 2", entries[1].Detail);
        Assert.True(string.CompareOrdinal(entries[0].At, entries[1].At) > 0);
    }

    [Fact]
    public async Task A_new_user_is_added_only_when_the_name_is_free_and_its_role_can_change()
    {
        var db = await CreateAsync();
        var users = new Users.UserStore(db);

        Assert.True(await users.AddAsync("sari", "hash-1", Users.ConsoleRoles.Operator, Clock.GetUtcNow(), default));
        Assert.False(await users.AddAsync("sari", "hash-2", Users.ConsoleRoles.Admin, Clock.GetUtcNow(), default));
        Assert.True(await users.SetRoleAsync("sari", Users.ConsoleRoles.Supervisor, default));
        Assert.False(await users.SetRoleAsync("nobody", Users.ConsoleRoles.Supervisor, default));

        var sari = (await users.FindAsync("sari", default))!;
        Assert.Equal(("hash-1", "supervisor"), (sari.PasswordHash, sari.Role));
        await Assert.ThrowsAsync<ArgumentException>(() => users.SetRoleAsync("sari", "root", default));
    }

    [Fact]
    public async Task The_audit_log_is_read_in_pages_newest_first()
    {
        var db = await CreateAsync();
        var audit = new Audit.AuditLog(db, Clock);
        for (int i = 1; i <= 5; i++)
        {
            await audit.AddAsync("adi", "user.add", "user" + i, null, default);
        }

        var first = await audit.GetPageAsync(0, 2, default);
        var last = await audit.GetPageAsync(4, 2, default);

        Assert.Equal(5, await audit.CountAsync(default));
        Assert.Equal(["user5", "user4"], first.Select(e => e.Subject));
        Assert.Equal(["user1"], last.Select(e => e.Subject));
    }

    [Fact]
    public async Task Calls_are_counted_by_start_time_and_ended_ones_by_outcome()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        var before = Record("early");
        before.StartedAt = TempDatabase.Now.AddHours(-2);
        End(before);
        await store.SaveAsync(before, default);
        var ended = Record("ended");
        End(ended);
        await store.SaveAsync(ended, default);
        var other = Record("other");
        End(other);
        other.Outcome = "transferred";
        await store.SaveAsync(other, default);
        await store.OpenAsync(Record("running"), default);
        var counts = new CallRecordCounts(db);

        long lastHour = await counts.StartedAsync(TempDatabase.Now.AddHours(-1), TempDatabase.Now.AddSeconds(1), default);
        long all = await counts.StartedAsync(TempDatabase.Now.AddDays(-1), TempDatabase.Now.AddDays(1), default);
        var outcomes = await counts.OutcomesAsync(TempDatabase.Now.AddHours(-1), TempDatabase.Now.AddSeconds(1), default);

        Assert.Equal(3, lastHour);
        Assert.Equal(4, all);
        Assert.Equal([("status-answered", 1L), ("transferred", 1L)], outcomes.Select(o => (o.Outcome, o.Count)));
    }

    /// <summary>A call answered at <see cref="TempDatabase.Now"/> plus 200 ms, not ended.</summary>
    internal static CallRecord Record(string id) => new()
    {
        CallId = id,
        Caller = "sip:0812@127.0.0.1",
        Called = "165",
        StartedAt = TempDatabase.Now,
        AnsweredAt = TempDatabase.Now.AddMilliseconds(200),
    };

    private static void End(CallRecord record)
    {
        record.EndedAt = TempDatabase.Now.AddSeconds(30);
        record.EndReason = "caller-hangup";
        record.EndedBy = "caller";
        record.Outcome = "status-answered";
        record.Nodes.AddRange(["welcome", "main-menu"]);
    }
}
