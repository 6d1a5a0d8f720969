namespace VikaIvr.Testing.Load;

/// <summary>
/// The received audio's timing over all streams: |inter-arrival − packet time| from kernel receive
/// timestamps (or the receive thread's clock when <paramref name="KernelTimestamps"/> is false),
/// percentiles over every interval, the median stream's p99 and the worst stream's p99; sequence gaps.
/// </summary>
public sealed record LoadTimingReport(bool KernelTimestamps, long Streams, long Packets, long Gaps, long Lost, long Reordered,
    double DeviationP50Ms, double DeviationP99Ms, double DeviationMaxMs, double MedianStreamP99Ms, double WorstStreamP99Ms);
