using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>Counts the call-record writes the store refused (<see cref="DataMetrics"/>); put it under the background writer.</summary>
public sealed class MeteredCallRecordStore(ICallRecordStore inner, DataMetrics metrics) : ICallRecordStore
{
    private readonly ICallRecordStore _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly DataMetrics _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));

    public Task OpenAsync(CallRecord record, CancellationToken ct) => CountAsync(_inner.OpenAsync(record, ct));

    public Task SaveAsync(CallRecord record, CancellationToken ct) => CountAsync(_inner.SaveAsync(record, ct));

    public Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct) => _inner.GetLastAsync(count, ct);

    private async Task CountAsync(Task write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (DataStoreException)
        {
            _metrics.Error("call-record");
            throw;
        }
    }
}
