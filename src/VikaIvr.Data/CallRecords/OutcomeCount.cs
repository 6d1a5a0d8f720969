namespace VikaIvr.Data.CallRecords;

/// <summary>How many calls ended with one outcome (<see cref="CallRecordCounts"/>).</summary>
public sealed class OutcomeCount
{
    public string Outcome { get; set; } = "";

    public long Count { get; set; }
}
