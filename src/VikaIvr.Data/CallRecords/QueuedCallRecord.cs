using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// One entry of <see cref="BackgroundCallRecordWriter"/>'s queue, held in the queue itself (no
/// object per entry): an open, a save, or a flush marker. An open keeps what the open row is made
/// of as it was handed over (the call's node and times; its identity never changes), so the
/// record itself can be written when the call has not changed them since — the usual case: they
/// are set before the call is opened — and a copy as handed over only when it has.
/// </summary>
internal readonly struct QueuedCallRecord
{
    private readonly string? _nodeId;
    private readonly DateTimeOffset _startedAt;
    private readonly DateTimeOffset? _answeredAt;

    private QueuedCallRecord(CallRecord? record, bool isOpen, TaskCompletionSource? flush)
    {
        Record = record;
        IsOpen = isOpen;
        Flush = flush;
        if (isOpen && record is not null)
        {
            _nodeId = record.NodeId;
            _startedAt = record.StartedAt;
            _answeredAt = record.AnsweredAt;
        }
    }

    /// <summary>The record to open or save; null for a flush.</summary>
    public CallRecord? Record { get; }

    public bool IsOpen { get; }

    /// <summary>Completed by the writer when it reaches this entry; null for a record.</summary>
    public TaskCompletionSource? Flush { get; }

    public static QueuedCallRecord Open(CallRecord record) => new(record, isOpen: true, flush: null);

    public static QueuedCallRecord Save(CallRecord record) => new(record, isOpen: false, flush: null);

    public static QueuedCallRecord FlushMarker(TaskCompletionSource done) => new(null, isOpen: false, done);

    /// <summary>For an open: the record with its node and times as handed over.</summary>
    public CallRecord Opened()
    {
        var record = Record!;
        if (record.NodeId == _nodeId && record.StartedAt == _startedAt && record.AnsweredAt == _answeredAt)
        {
            return record;
        }

        return new CallRecord
        {
            CallId = record.CallId,
            Caller = record.Caller,
            Called = record.Called,
            NodeId = _nodeId,
            StartedAt = _startedAt,
            AnsweredAt = _answeredAt,
        };
    }
}
