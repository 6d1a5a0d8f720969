using System.Diagnostics.Metrics;
using VikaIvr.Data.CallRecords;
using VikaIvr.Data.Participants;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Tests;

public sealed class DataMetricsTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, string? Operation)> _measured = [];

    public DataMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "vika.db.errors" && _meters.Created.Contains(instrument.Meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? operation = null;
            foreach (var tag in tags) if (tag.Key == "operation") operation = tag.Value as string;
            lock (_measured) _measured.Add((value, operation));
        });
        _listener.Start();
    }

    [Fact]
    public async Task Store_failures_are_counted_by_operation_and_still_thrown()
    {
        var metrics = new DataMetrics(_meters);
        var records = new MeteredCallRecordStore(new DbCallRecordStore(new FailingConnectionFactory(), "node-a"), metrics);
        var participants = new MeteredParticipantRepository(new SqliteParticipantRepository(new FailingConnectionFactory()), metrics);
        var record = new CallRecord { CallId = "c1", Caller = "a", Called = "165" };

        await Assert.ThrowsAsync<DataStoreException>(() => records.OpenAsync(record, default));
        await Assert.ThrowsAsync<DataStoreException>(() => records.SaveAsync(record, default));
        await Assert.ThrowsAsync<DataStoreException>(() => participants.FindByNikAsync("3171011708850001", default));

        Assert.Equal([(1L, "call-record"), (1L, "call-record"), (1L, "participant-lookup")], _measured);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Created) meter.Dispose();
        }
    }
}
