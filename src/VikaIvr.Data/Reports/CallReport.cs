namespace VikaIvr.Data.Reports;

/// <summary>The figures of a period's calls, as the console's reports page and `vika report` show them.</summary>
public sealed class CallReport
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public required int Calls { get; init; }
    /// <summary>The drop-off funnel along the flow, from its start.</summary>
    public required IReadOnlyList<FunnelStep> Funnel { get; init; }
}
