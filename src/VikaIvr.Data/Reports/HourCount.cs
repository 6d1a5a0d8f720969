namespace VikaIvr.Data.Reports;

/// <summary>Calls that started in the hour beginning at <paramref name="Hour"/> (one bar of the calls-per-hour histogram).</summary>
public sealed record HourCount(DateTimeOffset Hour, int Calls);
