using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// One page of call records, newest first, with the cursors of the neighbouring pages: null where
/// there is no such page (<see cref="NewerCursor"/> is null on the newest page).
/// </summary>
public sealed record CallRecordQueryPage(IReadOnlyList<CallRecord> Records, long? OlderCursor, long? NewerCursor);
