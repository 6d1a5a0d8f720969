namespace VikaIvr.Data.Reports;

/// <summary>The call_records columns a report reads, as Dapper maps them.</summary>
internal sealed class ReportRow
{
    public string CallId { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public string? AnsweredAt { get; set; }
    public string? EndedAt { get; set; }
    public string EndReason { get; set; } = "";
    public string EndedBy { get; set; } = "";
    public string DtmfMethods { get; set; } = "[]";
    public string Nodes { get; set; } = "[]";
    public string Events { get; set; } = "[]";
    public string Outcome { get; set; } = "";
}
