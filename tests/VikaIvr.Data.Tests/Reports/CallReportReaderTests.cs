using VikaIvr.Data.CallRecords;
using VikaIvr.Data.Reports;

namespace VikaIvr.Data.Tests.Reports;

/// <summary>The report read from a real store gives the same figures as the builder over the same calls (SQLite and PostgreSQL subclasses).</summary>
public abstract class CallReportReaderTests
{
    protected abstract Task<IVikaDatabase> CreateAsync();

    [Fact]
    public async Task The_period_is_chosen_in_SQL_and_the_figures_match_the_records()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        foreach (var call in ReportCalls.All())
        {
            if (call.EndReason == DbCallRecordStore.InProgress) await store.OpenAsync(call, default);
            else await store.SaveAsync(call, default);
        }

        var read = await new CallReportReader(db).ReadAsync(ReportCalls.From, ReportCalls.To, ReportCalls.Flow(), default);
        var built = CallReportBuilder.Build(ReportCalls.All(), ReportCalls.Flow(), ReportCalls.From, ReportCalls.To);

        Assert.Equal(CallReportJson.Format(built), CallReportJson.Format(read));
        Assert.Equal(7, read.Calls);
        Assert.Equal(1, read.InProgress);
        Assert.Equal(new FunnelStep("menu", 5, 2), read.Funnel[1]);
    }

    [Fact]
    public async Task Records_written_with_another_offset_are_found_by_their_instant()
    {
        var db = await CreateAsync();
        var store = new DbCallRecordStore(db, "node-a");
        var jakarta = TimeSpan.FromHours(7);
        // 07:59 and 11:00 UTC written as Jakarta time sort inside the period as text but are outside it;
        // 08:30 UTC written at -10:00 sorts before it as text but is inside it.
        await store.SaveAsync(ReportCalls.Call("early", new DateTimeOffset(2026, 12, 5, 14, 59, 0, jakarta), 5, "server-hangup", "server", "x", [], []), default);
        await store.SaveAsync(ReportCalls.Call("late", new DateTimeOffset(2026, 12, 5, 18, 0, 0, jakarta), 5, "server-hangup", "server", "x", [], []), default);
        await store.SaveAsync(ReportCalls.Call("hawaii", new DateTimeOffset(2026, 12, 4, 22, 30, 0, TimeSpan.FromHours(-10)), 5, "server-hangup", "server", "x", [], []), default);
        await store.SaveAsync(ReportCalls.Call("utc", ReportCalls.At(10, 59), 5, "server-hangup", "server", "x", [], []), default);

        var report = await new CallReportReader(db).ReadAsync(ReportCalls.From, ReportCalls.To, null, default);

        Assert.Equal(2, report.Calls);
        Assert.Equal([1, 0, 1], report.CallsPerHour.Select(h => h.Calls));
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_a_data_store_error()
    {
        var reader = new CallReportReader(new FailingConnectionFactory());

        await Assert.ThrowsAsync<DataStoreException>(() => reader.ReadAsync(ReportCalls.From, ReportCalls.To, null, default));
    }
}
