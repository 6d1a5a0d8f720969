using Microsoft.Data.Sqlite;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Ports;
using Xunit.Abstractions;

namespace VikaIvr.Data.Tests.CallRecords;

/// <summary>
/// The call-record writes on SQLite's own statements: the text stored is the text the driver stored
/// (times as round-trip UTC, empty strings as '', absent values as NULL), and the open row written
/// at every answer, like the saved row but for its lists' JSON, allocates nothing (counted on this
/// thread: the SQLite write completes in the call).
/// </summary>
public sealed class SqliteCallRecordWriteTests(ITestOutputHelper output) : IDisposable
{
    private readonly List<TempDatabase> _databases = [];

    [Fact]
    public async Task The_rows_hold_the_same_text_as_before()
    {
        var db = await TempDatabase.CreateAsync();
        _databases.Add(db);
        await using var store = new DbCallRecordStore(db.Database, "node-a");
        var started = new DateTimeOffset(2026, 11, 15, 10, 0, 0, 123, TimeSpan.FromHours(7)).AddTicks(4567);
        var open = new CallRecord { CallId = "c-open", Caller = "sip:0812@127.0.0.1", Called = "165", StartedAt = started, AnsweredAt = started.AddMilliseconds(250) };
        await store.OpenAsync(open, default);
        var never = new CallRecord { CallId = "c-unanswered", Caller = "", Called = "165", StartedAt = started };
        await store.OpenAsync(never, default);
        var ended = new CallRecord { CallId = "c-ended", Caller = "\"Budi Søren\" <sip:0812@127.0.0.1>", Called = "165", StartedAt = started, AnsweredAt = started.AddSeconds(1) };
        await store.OpenAsync(ended, default);
        ended.EndedAt = started.AddSeconds(30);
        ended.EndReason = "caller-hangup";
        ended.Codec = "PCMU";
        ended.Nodes.Add("welcome");
        ended.NodeTimesMs.Add(12);
        ended.Events.Add("play welcome — é");
        ended.RtpPacketsSent = 1500;
        ended.RtpJitterMs = 1.25;
        await store.SaveAsync(ended, default);

        await using var connection = (SqliteConnection)await db.Database.OpenAsync(default);
        Assert.Equal(
            ["sip:0812@127.0.0.1", "2026-11-15T03:00:00.1234567+00:00", "2026-11-15T03:00:00.3734567+00:00", "NULL", "in-progress", "text:", "NULL", "node-a"],
            await ColumnsAsync(connection, "c-open"));
        Assert.Equal(
            ["text:", "2026-11-15T03:00:00.1234567+00:00", "NULL", "NULL", "in-progress", "text:", "NULL", "node-a"],
            await ColumnsAsync(connection, "c-unanswered"));
        Assert.Equal(
            ["\"Budi Søren\" <sip:0812@127.0.0.1>", "2026-11-15T03:00:00.1234567+00:00", "2026-11-15T03:00:01.1234567+00:00", "2026-11-15T03:00:30.1234567+00:00", "caller-hangup", "text:", "PCMU", "node-a"],
            await ColumnsAsync(connection, "c-ended"));
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT events, nodes, failures, rtp_packets_sent, rtp_jitter_ms, node_times, dtmf_methods, rtp_packets_lost FROM call_records WHERE call_id = 'c-ended'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(ended.Events), reader.GetString(0));
        Assert.Equal("[\"welcome\"]", reader.GetString(1));
        Assert.Equal("[]", reader.GetString(2));
        Assert.Equal(1500, reader.GetInt64(3));
        Assert.Equal(1.25, reader.GetDouble(4));
        Assert.Equal("[12]", reader.GetString(5));
        Assert.Equal("[]", reader.GetString(6));
        Assert.Equal(0, reader.GetInt64(7));
    }

    [Fact]
    public async Task An_open_row_allocates_next_to_nothing()
    {
        await using var store = await KeptStoreAsync();
        var records = Enumerable.Range(0, 60).Select(Answered).ToArray();
        long least = await LeastBytesAsync(records, store.OpenAsync);

        output.WriteLine($"open row: {least} B");
        Assert.True(least <= 64, $"an open row allocated {least} B");
    }

    [Fact]
    public async Task A_saved_row_without_lists_allocates_nothing()
    {
        await using var store = await KeptStoreAsync();
        var records = new CallRecord[60];
        for (int i = 0; i < records.Length; i++)
        {
            var record = Answered(i);
            record.EndedAt = record.AnsweredAt!.Value.AddSeconds(30);
            record.EndReason = "caller-hangup";
            record.EndedBy = "caller";
            record.Codec = "PCMU";
            record.Outcome = "status-answered";
            record.RtpPacketsSent = 1500;
            record.RtpPacketsReceived = 1490;
            record.RtpJitterMs = 0.5;
            await store.OpenAsync(record, default);
            records[i] = record;
        }

        long least = await LeastBytesAsync(records, store.SaveAsync);

        // Only a list filled costs its JSON text; times are bound as text from the stack, numbers unboxed, no row object.
        output.WriteLine($"saved row, no list filled: {least} B");
        Assert.True(least == 0, $"a saved row allocated {least} B");
    }

    public void Dispose()
    {
        foreach (var db in _databases)
        {
            db.Dispose();
        }
    }

    /// <summary>A store on a new database whose write connection stays open through the test.</summary>
    private async Task<DbCallRecordStore> KeptStoreAsync()
    {
        var db = await TempDatabase.CreateAsync();
        _databases.Add(db);
        return new DbCallRecordStore(db.Database, "node-a", TimeProvider.System, TimeSpan.FromMinutes(5));
    }

    private static CallRecord Answered(int i) => new()
    {
        CallId = $"call-{i}@10.0.0.1",
        Caller = "sip:0812345678@10.0.0.1",
        Called = "165",
        StartedAt = TempDatabase.Now.AddSeconds(i),
        AnsweredAt = TempDatabase.Now.AddSeconds(i + 1),
    };

    /// <summary>
    /// The least a write allocated on this thread (the SQLite write completes in the call), over
    /// the records after the first ten (the warm-up: the connection, its statements, the JIT).
    /// </summary>
    private static async Task<long> LeastBytesAsync(CallRecord[] records, Func<CallRecord, CancellationToken, Task> write)
    {
        for (int i = 0; i < 10; i++)
        {
            await write(records[i], default);
        }

        long least = long.MaxValue;
        for (int i = 10; i < records.Length; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var written = write(records[i], default);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(written.IsCompletedSuccessfully);
            least = Math.Min(least, bytes);
        }

        return least;
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string callId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT caller, started_at, answered_at, ended_at, end_reason, ended_by, codec, node_id FROM call_records WHERE call_id = @id";
        command.Parameters.AddWithValue("@id", callId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var columns = new List<string>();
        for (int i = 0; i < reader.FieldCount; i++)
        {
            columns.Add(reader.IsDBNull(i) ? "NULL" : reader.GetString(i) is { Length: 0 } ? "text:" : reader.GetString(i));
        }

        Assert.False(await reader.ReadAsync());
        return columns;
    }
}
