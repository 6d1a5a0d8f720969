using VikaIvr.Testing.Load;

namespace VikaIvr.Testing.Tests.Load;

public sealed class DeviationHistogramTests
{
    [Fact]
    public void Percentiles_are_the_upper_edge_of_the_nearest_rank_bucket_and_never_above_the_maximum()
    {
        var h = new DeviationHistogram();
        // 98 intervals 5 µs off, one 0.35 ms, one 4.2 ms late.
        for (int i = 0; i < 98; i++) h.Add(5_000);
        h.Add(-350_000);   // early counts as its magnitude
        h.Add(4_200_000);

        Assert.Equal(100, h.Count);
        Assert.Equal(0.010, h.QuantileMs(0.50), 6);
        Assert.Equal(0.360, h.QuantileMs(0.99), 6);
        Assert.Equal(4.2, h.QuantileMs(1.0), 6);
        Assert.Equal(4.2, h.MaxMs, 6);
    }

    [Fact]
    public void An_empty_histogram_reports_zero()
    {
        var h = new DeviationHistogram();

        Assert.Equal(0, h.QuantileMs(0.99));
        Assert.Equal(0, h.MaxMs);
    }

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(9_999L, 0)]
    [InlineData(10_000L, 1)]
    [InlineData(999_999L, 99)]
    [InlineData(1_000_000L, 100)]
    [InlineData(9_999_999L, 189)]
    [InlineData(10_000_000L, 190)]
    [InlineData(99_999_999L, 279)]
    [InlineData(100_000_000L, 280)]
    [InlineData(999_999_999L, 369)]
    [InlineData(5_000_000_000L, 370)]
    public void Buckets_are_10_us_then_100_us_then_1_ms_then_10_ms(long ns, int bucket)
    {
        Assert.Equal(bucket, DeviationHistogram.BucketOf(ns));
        Assert.True(ns < DeviationHistogram.UpperEdgeNs(bucket));
        if (bucket > 0) Assert.True(ns >= DeviationHistogram.UpperEdgeNs(bucket - 1));
    }

    [Fact]
    public void Merging_adds_counts_and_keeps_the_larger_maximum()
    {
        var a = new DeviationHistogram();
        var b = new DeviationHistogram();
        a.Add(20_000);
        b.Add(2_000_000);
        b.Add(30_000);

        a.Add(b);

        Assert.Equal(3, a.Count);
        Assert.Equal(2.0, a.MaxMs, 6);
        Assert.Equal(0.040, a.QuantileMs(0.5), 6);
    }
}
