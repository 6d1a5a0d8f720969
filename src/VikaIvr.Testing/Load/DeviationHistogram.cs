namespace VikaIvr.Testing.Load;

/// <summary>
/// Counts of a timing deviation in fixed buckets, so a stream's distribution costs 1.5 KB however
/// long it runs and adding a value allocates nothing: 10 µs steps below 1 ms, 100 µs to 10 ms,
/// 1 ms to 100 ms, 10 ms to 1 s, and one bucket above. The exact maximum is kept beside them.
/// Not thread-safe: one writer (the receive thread); <see cref="Add(DeviationHistogram)"/> merges.
/// </summary>
public sealed class DeviationHistogram
{
    private const int Buckets = 100 + 90 + 90 + 90 + 1;
    private readonly int[] _counts = new int[Buckets];

    public long Count { get; private set; }

    /// <summary>The largest value added, in ns.</summary>
    public long MaxNs { get; private set; }

    public void Add(long deviationNs)
    {
        if (deviationNs < 0)
        {
            deviationNs = -deviationNs;
        }

        _counts[BucketOf(deviationNs)]++;
        Count++;
        if (deviationNs > MaxNs)
        {
            MaxNs = deviationNs;
        }
    }

    public void Add(DeviationHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < Buckets; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        MaxNs = Math.Max(MaxNs, other.MaxNs);
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0..1, nearest rank) in ms: the upper edge of its bucket, never
    /// above the maximum; 0 when empty.
    /// </summary>
    public double QuantileMs(double quantile)
    {
        if (Count == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(quantile * Count));
        long seen = 0;
        for (int i = 0; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(UpperEdgeNs(i), MaxNs) / 1e6;
            }
        }

        return MaxNs / 1e6;
    }

    public double MaxMs => MaxNs / 1e6;

    internal static int BucketOf(long ns)
    {
        long us = ns / 1000;
        return us switch
        {
            < 1_000 => (int)(us / 10),
            < 10_000 => 100 + (int)((us - 1_000) / 100),
            < 100_000 => 190 + (int)((us - 10_000) / 1_000),
            < 1_000_000 => 280 + (int)((us - 100_000) / 10_000),
            _ => Buckets - 1,
        };
    }

    internal static long UpperEdgeNs(int bucket) => bucket switch
    {
        < 100 => (bucket + 1) * 10_000L,
        < 190 => 1_000_000L + ((bucket - 99) * 100_000L),
        < 280 => 10_000_000L + ((bucket - 189) * 1_000_000L),
        < 370 => 100_000_000L + ((bucket - 279) * 10_000_000L),
        _ => long.MaxValue,
    };
}
