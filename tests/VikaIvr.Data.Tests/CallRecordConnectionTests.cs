using Microsoft.Extensions.Time.Testing;
using VikaIvr.Data.CallRecords;

namespace VikaIvr.Data.Tests;

/// <summary>How <see cref="DbCallRecordStore"/> keeps its write connection (on SQLite; both providers in <see cref="StoreBehaviourTests"/>).</summary>
public sealed class CallRecordConnectionTests
{
    [Fact]
    public async Task A_connection_left_idle_past_the_limit_is_reopened_before_the_next_write()
    {
        using var db = await TempDatabase.CreateAsync(pooling: false);
        var connections = new CountingConnectionFactory(db.Database);
        var clock = new FakeTimeProvider(TempDatabase.Now);
        await using var store = new DbCallRecordStore(connections, "node-a", clock, TimeSpan.FromSeconds(1));

        await store.OpenAsync(StoreBehaviourTests.Record("c1"), default);
        clock.Advance(TimeSpan.FromMilliseconds(900));
        await store.OpenAsync(StoreBehaviourTests.Record("c2"), default);
        clock.Advance(TimeSpan.FromMilliseconds(900));
        await store.OpenAsync(StoreBehaviourTests.Record("c3"), default);
        Assert.Equal(1, connections.Opened);

        clock.Advance(TimeSpan.FromMilliseconds(1100));
        await store.OpenAsync(StoreBehaviourTests.Record("c4"), default);
        Assert.Equal(2, connections.Opened);

        // Disposing closes it; a later write opens another.
        await store.DisposeAsync();
        await store.OpenAsync(StoreBehaviourTests.Record("c5"), default);
        Assert.Equal(3, connections.Opened);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], (await store.GetLastAsync(10, default)).Select(r => r.CallId));
    }

    [Fact]
    public async Task An_open_row_costs_its_values_not_a_command()
    {
        using var db = await TempDatabase.CreateAsync(pooling: false);
        await using var store = new DbCallRecordStore(db.Database, "node-a");
        var records = Enumerable.Range(0, 300).Select(i => StoreBehaviourTests.Record("alloc-" + i)).ToArray();
        for (int i = 0; i < 100; i++) await store.OpenAsync(records[i], default);

        // SQLite writes synchronously: every byte of the writes is allocated on this thread.
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 100; i < 300; i++) await store.OpenAsync(records[i], default);
        long perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / 200;

        Assert.True(perRow < 1_200, $"an open row allocated {perRow} B");
    }
}
