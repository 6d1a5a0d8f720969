namespace VikaIvr.Media.Recording;

/// <summary>Counters of a <see cref="JitterBuffer"/> (packets unless named samples).</summary>
public readonly record struct JitterBufferStatistics(
    long Accepted,
    long Duplicates,
    long Late,
    long Lost,
    long Rejected,
    long Resynchronizations,
    long TimestampJumps,
    long FilledSamples,
    long OutputSamples);
