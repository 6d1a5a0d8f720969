namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Which call records to list (newest first) and which page of them: every filter left null is not
/// applied. Paging is by keyset: <see cref="Before"/> (older than that row) or <see cref="After"/>
/// (newer than that row), row ids a previous <see cref="CallRecordQueryPage"/> handed out.
/// </summary>
public sealed record CallRecordQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Calls started at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Calls started before this instant (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The outcome exactly ("status-answered", ...).</summary>
    public string? Outcome { get; init; }

    /// <summary>The end reason exactly ("caller-hangup", "in-progress", ...).</summary>
    public string? EndReason { get; init; }

    /// <summary>A flow node id the call visited (one element of nodes, matched whole and case-sensitively).</summary>
    public string? Node { get; init; }

    /// <summary>1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The page of calls older than this row (its <see cref="CallRecordQueryPage.OlderCursor"/>).</summary>
    public long? Before { get; init; }

    /// <summary>The page of calls newer than this row (its <see cref="CallRecordQueryPage.NewerCursor"/>).</summary>
    public long? After { get; init; }
}
