namespace VikaIvr.Data.CallRecords;

/// <summary>The values the call records hold, for the filters' drop-downs: each list distinct and in ordinal order.</summary>
public sealed record CallRecordQueryValues(IReadOnlyList<string> Outcomes, IReadOnlyList<string> EndReasons, IReadOnlyList<string> Nodes);
