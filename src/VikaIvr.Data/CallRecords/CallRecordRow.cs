namespace VikaIvr.Data.CallRecords;

/// <summary>A call_records row as Dapper reads it.</summary>
internal sealed class CallRecordRow
{
    public string CallId { get; set; } = "";
    public string Caller { get; set; } = "";
    public string Called { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public string? AnsweredAt { get; set; }
    public string? EndedAt { get; set; }
    public string EndReason { get; set; } = "";
    public string EndedBy { get; set; } = "";
    public string? NodeId { get; set; }
    public string? Codec { get; set; }
    public string DtmfMethods { get; set; } = "[]";
    public string Nodes { get; set; } = "[]";
    public string Events { get; set; } = "[]";
    public string Outcome { get; set; } = "";
    public string Failures { get; set; } = "[]";
    public long RtpPacketsSent { get; set; }
    public long RtpPacketsReceived { get; set; }
    public long RtpPacketsLost { get; set; }
    public double RtpJitterMs { get; set; }
    public string NodeTimes { get; set; } = "[]";
}
