namespace VikaIvr.Flows.Ports;

/// <summary>
/// Where call records go. A call's record is opened when the call is answered (so a crash leaves
/// a trace of it) and completed when it ends. Writes must not block the media clock or other calls.
/// </summary>
public interface ICallRecordStore
{
    /// <summary>
    /// Writes the record of a call that has just been answered, marked "in-progress" (only its
    /// identity and times are read, at once: the record may change afterwards). A store that
    /// finds such rows at the next start marks them "crash".
    /// </summary>
    Task OpenAsync(CallRecord record, CancellationToken ct);

    /// <summary>Writes the finished record, completing the one <see cref="OpenAsync"/> wrote (or adding it when there is none).</summary>
    Task SaveAsync(CallRecord record, CancellationToken ct);

    Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct);
}
