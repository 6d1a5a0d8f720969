namespace VikaIvr.Testing.Load;

/// <summary>Percentiles of a set of durations in ms (nearest rank), and how many there were.</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Summarises <paramref name="values"/> (sorted in place).</summary>
    public static LatencySummary Of(List<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return Empty;
        }

        values.Sort();
        return new LatencySummary(values.Count, Quantile(values, 0.50), Quantile(values, 0.95), Quantile(values, 0.99), values[^1]);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="q"/> of the values at or below it.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        int rank = Math.Clamp((int)Math.Ceiling(q * sorted.Count), 1, sorted.Count);
        return sorted[rank - 1];
    }

    public override string ToString() => Count == 0 ? "-" : $"p50 {P50:0.0} p95 {P95:0.0} p99 {P99:0.0} max {Max:0.0} ms";
}
