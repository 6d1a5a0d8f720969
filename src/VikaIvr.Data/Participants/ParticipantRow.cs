namespace VikaIvr.Data.Participants;

/// <summary>A participants row as Dapper reads it (SQLite integers arrive as long).</summary>
internal sealed class ParticipantRow
{
    public string Nik { get; set; } = "";
    public string Card { get; set; } = "";
    public string Name { get; set; } = "";
    public string BirthDate { get; set; } = "";
    public string Segment { get; set; } = "";
    public long CareClass { get; set; }
    public string Status { get; set; } = "";
    public string? InactiveReason { get; set; }
    public string? PaidThrough { get; set; }
}
