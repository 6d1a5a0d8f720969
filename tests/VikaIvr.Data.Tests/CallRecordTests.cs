using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Tests;

public class CallRecordTests
{
    private static CallRecord Sample(string id, int minute = 0)
    {
        var start = new DateTimeOffset(2026, 11, 15, 10, minute, 0, TimeSpan.FromHours(7));
        var r = new CallRecord
        {
            CallId = id,
            Caller = "sip:0812@127.0.0.1",
            Called = "165",
            StartedAt = start,
            AnsweredAt = start.AddMilliseconds(250),
            EndedAt = start.AddSeconds(42),
            EndReason = "flow-hangup",
            EndedBy = "server",
            Codec = "PCMU",
            Outcome = "bill-answered",
            RtpPacketsSent = 2100,
            RtpPacketsReceived = 2080,
            RtpPacketsLost = 3,
            RtpJitterMs = 1.25,
        };
        r.DtmfMethods.Add("rfc4733");
        r.Nodes.AddRange(["welcome", "main-menu", "vika-menu", "enter-id"]);
        r.Events.Add("digits enter-id 3171********0001");
        r.Failures.Add("participant lookup failed: SqliteException: database is locked");
        return r;
    }

    [Fact]
    public async Task Records_round_trip_through_the_database()
    {
        using var db = await TempDatabase.CreateAsync();
        var store = new DbCallRecordStore(db.Database, "node-a");
        var original = Sample("c1");
        await store.SaveAsync(original, default);
        var minimal = new CallRecord { CallId = "c2", Caller = "a", Called = "165", StartedAt = TempDatabase.Now };
        await store.SaveAsync(minimal, default);

        var back = await store.GetLastAsync(10, default);
        Assert.Equal(2, back.Count);

        // Times are stored in UTC (one offset keeps text order time order): the same instants come back.
        Assert.Equal(TimeSpan.FromHours(7), original.StartedAt.Offset);
        Assert.All(back, r => Assert.Equal(TimeSpan.Zero, r.StartedAt.Offset));
        Assert.Equal(TimeSpan.Zero, back[0].EndedAt!.Value.Offset);
        original.StartedAt = original.StartedAt.ToUniversalTime();
        original.AnsweredAt = original.AnsweredAt!.Value.ToUniversalTime();
        original.EndedAt = original.EndedAt!.Value.ToUniversalTime();
        minimal.StartedAt = minimal.StartedAt.ToUniversalTime();
        Assert.Equal(CallRecordJsonLines.Format(original), CallRecordJsonLines.Format(back[0]));
        Assert.Equal(CallRecordJsonLines.Format(minimal), CallRecordJsonLines.Format(back[1]));
        Assert.Equal(original.EndedAt, back[0].EndedAt);
        Assert.Null(back[1].AnsweredAt);
    }

    [Fact]
    public async Task Get_last_returns_the_newest_oldest_first()
    {
        using var db = await TempDatabase.CreateAsync();
        var store = new DbCallRecordStore(db.Database, "node-a");
        for (int i = 0; i < 5; i++) await store.SaveAsync(Sample("c" + i, i), default);
        var last = await store.GetLastAsync(2, default);
        Assert.Equal(["c3", "c4"], last.Select(r => r.CallId));
        Assert.Empty(await store.GetLastAsync(0, default));
    }

    [Fact]
    public void Json_lines_have_one_object_per_line_with_snake_case_fields()
    {
        var output = new StringWriter();
        CallRecordJsonLines.Write(output, [Sample("c1"), Sample("c2", 1)]);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);

        using var doc = JsonDocument.Parse(lines[0]);
        var o = doc.RootElement;
        Assert.Equal("c1", o.GetProperty("call_id").GetString());
        Assert.Equal("sip:0812@127.0.0.1", o.GetProperty("caller").GetString());
        Assert.Equal("165", o.GetProperty("called").GetString());
        Assert.Equal("2026-11-15T10:00:00.0000000+07:00", o.GetProperty("started_at").GetString());
        Assert.Equal("2026-11-15T10:00:42.0000000+07:00", o.GetProperty("ended_at").GetString());
        Assert.Equal("flow-hangup", o.GetProperty("end_reason").GetString());
        Assert.Equal("server", o.GetProperty("ended_by").GetString());
        Assert.Equal("PCMU", o.GetProperty("codec").GetString());
        Assert.Equal(["rfc4733"], o.GetProperty("dtmf_methods").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["welcome", "main-menu", "vika-menu", "enter-id"], o.GetProperty("nodes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, o.GetProperty("events").GetArrayLength());
        Assert.Equal("bill-answered", o.GetProperty("outcome").GetString());
        Assert.Equal(1, o.GetProperty("failures").GetArrayLength());
        Assert.Equal(2100, o.GetProperty("rtp_packets_sent").GetInt64());
        Assert.Equal(2080, o.GetProperty("rtp_packets_received").GetInt64());
        Assert.Equal(3, o.GetProperty("rtp_packets_lost").GetInt64());
        Assert.Equal(1.25, o.GetProperty("rtp_jitter_ms").GetDouble());
        Assert.Equal("c2", JsonDocument.Parse(lines[1]).RootElement.GetProperty("call_id").GetString());
    }

    [Fact]
    public void Json_lines_write_missing_values_as_null()
    {
        var r = new CallRecord { CallId = "x", Caller = "a", Called = "165" };
        var o = JsonDocument.Parse(CallRecordJsonLines.Format(r)).RootElement;
        Assert.Equal(JsonValueKind.Null, o.GetProperty("ended_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, o.GetProperty("codec").ValueKind);
        Assert.Equal(0, o.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task Background_writer_returns_at_once_and_writes_in_order()
    {
        var inner = new GatedStore();
        await using var writer = new BackgroundCallRecordWriter(inner, NullLogger<BackgroundCallRecordWriter>.Instance, capacity: 16);

        // The store is blocked, yet saving does not wait for it.
        Task save1 = writer.SaveAsync(Sample("a"), default);
        Task save2 = writer.SaveAsync(Sample("b"), default);
        Assert.True(save1.IsCompletedSuccessfully);
        Assert.True(save2.IsCompletedSuccessfully);

        var flushed = writer.FlushAsync(default);
        Assert.False(flushed.IsCompleted);
        inner.Gate.SetResult();
        await flushed;
        Assert.Equal(["a", "b"], inner.Saved.Select(r => r.CallId));
        Assert.Equal(2, writer.Written);
    }

    [Fact]
    public async Task Background_writer_opens_the_record_as_handed_over_without_copying_it()
    {
        var inner = new GatedStore();
        await using var writer = new BackgroundCallRecordWriter(inner, NullLogger<BackgroundCallRecordWriter>.Instance, capacity: 16);
        var unchanged = Sample("unchanged");
        var changed = Sample("changed");
        var answered = changed.AnsweredAt;
        await writer.OpenAsync(unchanged, default);
        await writer.OpenAsync(changed, default);
        // The call goes on changing its record after the open was handed over.
        changed.AnsweredAt = answered!.Value.AddSeconds(5);
        changed.NodeId = "elsewhere";
        changed.Nodes.Add("later");

        inner.Gate.SetResult();
        await writer.FlushAsync(default);
        Assert.Equal(["unchanged", "changed"], inner.Opened);
        Assert.Same(unchanged, inner.OpenedRecords[0]);
        var opened = inner.OpenedRecords[1];
        Assert.Equal((answered, null, changed.StartedAt), (opened.AnsweredAt, opened.NodeId, opened.StartedAt));
        Assert.Equal((changed.Caller, changed.Called), (opened.Caller, opened.Called));
    }

    [Fact]
    public async Task Background_writer_drops_and_counts_when_full()
    {
        var inner = new GatedStore();
        var writer = new BackgroundCallRecordWriter(inner, NullLogger<BackgroundCallRecordWriter>.Instance, capacity: 2);
        for (int i = 0; i < 10; i++) await writer.SaveAsync(Sample("r" + i), default);
        // One may already be in the writer's hands; the queue holds two more; the rest are dropped.
        Assert.InRange(writer.Dropped, 7, 8);
        inner.Gate.SetResult();
        await writer.DisposeAsync();
        Assert.Equal(10 - writer.Dropped, inner.Saved.Count);
    }

    [Fact]
    public async Task Background_writer_survives_a_failing_store()
    {
        var failing = new DbCallRecordStore(new FailingConnectionFactory(), "node-a");
        var writer = new BackgroundCallRecordWriter(failing, NullLogger<BackgroundCallRecordWriter>.Instance);
        await writer.SaveAsync(Sample("lost"), default);
        await writer.FlushAsync(default);
        Assert.Equal(1, writer.Failed);
        await writer.SaveAsync(Sample("also-lost"), default);
        await writer.DisposeAsync();
        Assert.Equal(2, writer.Failed);
        await writer.SaveAsync(Sample("after-close"), default);
        Assert.Equal(1, writer.Dropped);
    }

    private sealed class GatedStore : ICallRecordStore
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<CallRecord> Saved { get; } = [];

        public List<string> Opened { get; } = [];

        public List<CallRecord> OpenedRecords { get; } = [];

        public async Task OpenAsync(CallRecord record, CancellationToken ct)
        {
            await Gate.Task;
            lock (Saved)
            {
                Opened.Add(record.CallId);
                OpenedRecords.Add(record);
            }
        }

        public async Task SaveAsync(CallRecord record, CancellationToken ct)
        {
            await Gate.Task;
            lock (Saved) Saved.Add(record);
        }

        public Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<CallRecord>>(Saved.TakeLast(count).ToList());
    }
}
