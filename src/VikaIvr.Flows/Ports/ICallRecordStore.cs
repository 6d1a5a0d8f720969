namespace VikaIvr.Flows.Ports;

/// <summary>Where finished call records go. Writes must not block the media clock or other calls.</summary>
public interface ICallRecordStore
{
    Task SaveAsync(CallRecord record, CancellationToken ct);

    Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct);
}
