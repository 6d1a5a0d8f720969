namespace VikaIvr.Media.Clock;

/// <summary>
/// Histogram of frame-send lateness in 50 µs buckets up to 50 ms (plus overflow). One pacer
/// writes its own instance without locks; readers merge copies with <see cref="Add"/>.
/// </summary>
public sealed class LatenessHistogram
{
    public const int BucketMicroseconds = 50;
    public const int BucketCount = 1000;

    private readonly long[] _buckets = new long[BucketCount + 1];

    public long Count { get; private set; }

    public double MaxMicroseconds { get; private set; }

    public void Record(double microseconds)
    {
        if (microseconds < 0)
        {
            microseconds = 0;
        }

        int bucket = (int)Math.Min(BucketCount, microseconds / BucketMicroseconds);
        _buckets[bucket]++;
        Count++;
        if (microseconds > MaxMicroseconds)
        {
            MaxMicroseconds = microseconds;
        }
    }

    public void Add(LatenessHistogram other)
    {
        for (int i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] += Volatile.Read(ref other._buckets[i]);
        }

        Count += other.Count;
        MaxMicroseconds = Math.Max(MaxMicroseconds, other.MaxMicroseconds);
    }

    /// <summary>The upper edge of the bucket holding the given percentile (0–100), in microseconds.</summary>
    public double PercentileMicroseconds(double percentile)
    {
        long total = 0;
        foreach (long b in _buckets)
        {
            total += b;
        }

        if (total == 0)
        {
            return 0;
        }

        long target = (long)Math.Ceiling(total * Math.Clamp(percentile, 0, 100) / 100.0);
        long seen = 0;
        for (int i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= Math.Max(1, target))
            {
                return i == BucketCount ? MaxMicroseconds : (i + 1) * (double)BucketMicroseconds;
            }
        }

        return MaxMicroseconds;
    }
}
