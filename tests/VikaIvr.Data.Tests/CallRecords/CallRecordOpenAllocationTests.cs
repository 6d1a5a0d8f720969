using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Ports;
using Xunit.Abstractions;

namespace VikaIvr.Data.Tests.CallRecords;

/// <summary>
/// The call's side of opening its record (issue 14: a call's set-up within 8 KB in the whole
/// server): the record made as the call service makes it at answer (CallService's NewRecord, then
/// its answer time) and handed to the store as the server composes it (the background writer, whose
/// thread then calls the database store), counted on the calling thread — the writer's thread writes the row
/// (its own guard: <see cref="SqliteCallRecordWriteTests"/>). The least of several runs after a warm-up.
/// </summary>
public sealed class CallRecordOpenAllocationTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// Just above the figure printed, 184 B: the record object itself (216 B before its times were
    /// kept as ticks and offsets); the queue entry is a struct held in the queue.
    /// </summary>
    private const long Budget = 192;

    private readonly List<TempDatabase> _databases = [];

    [Fact]
    public async Task Opening_a_call_record_allocates_only_the_record()
    {
        var db = await TempDatabase.CreateAsync();
        _databases.Add(db);
        await using var store = new DbCallRecordStore(db.Database, "node-a", TimeProvider.System, TimeSpan.FromMinutes(5));
        await using var writer = new BackgroundCallRecordWriter(store, NullLogger<BackgroundCallRecordWriter>.Instance);
        // The session's strings exist before the record (the SIP layer made them).
        var callIds = new string[60];
        for (int i = 0; i < callIds.Length; i++)
        {
            callIds[i] = $"call-{i}@10.0.0.1";
        }

        const string caller = "sip:0812345678@10.0.0.1";
        const string called = "165";
        var started = TempDatabase.Now;
        var answered = started.AddSeconds(1);

        // Warm: the connection, its statements, the queue, the JIT.
        for (int i = 0; i < 10; i++)
        {
            await writer.OpenAsync(Open(callIds[i], caller, called, started, answered), default);
        }

        await writer.FlushAsync(default);

        long least = long.MaxValue;
        for (int i = 10; i < callIds.Length; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var open = writer.OpenAsync(Open(callIds[i], caller, called, started, answered), default);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(open.IsCompletedSuccessfully);
            least = Math.Min(least, bytes);
        }

        await writer.FlushAsync(default);
        output.WriteLine($"call's side of opening a record: {least} B");
        Assert.Equal(0, writer.Dropped + writer.Failed);
        Assert.True(least <= Budget, $"opening a call record allocated {least} B on the call's thread (budget {Budget} B)");
    }

    public void Dispose()
    {
        foreach (var db in _databases)
        {
            db.Dispose();
        }
    }

    /// <summary>As the call service makes the record (NewRecord) and answers.</summary>
    private static CallRecord Open(string callId, string caller, string called, DateTimeOffset started, DateTimeOffset answered)
    {
        var record = new CallRecord { CallId = callId, Caller = caller, Called = called, StartedAt = started };
        record.AnsweredAt = answered;
        return record;
    }
}
