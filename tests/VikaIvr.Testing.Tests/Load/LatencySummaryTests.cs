using VikaIvr.Testing.Load;

namespace VikaIvr.Testing.Tests.Load;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_sorted_values()
    {
        var values = Enumerable.Range(1, 200).Select(i => (double)(201 - i)).ToList();

        var s = LatencySummary.Of(values);

        Assert.Equal(200, s.Count);
        Assert.Equal(100, s.P50);
        Assert.Equal(190, s.P95);
        Assert.Equal(198, s.P99);
        Assert.Equal(200, s.Max);
    }

    [Fact]
    public void One_value_is_every_percentile_and_none_is_empty()
    {
        Assert.Equal(new LatencySummary(1, 7, 7, 7, 7), LatencySummary.Of([7]));
        Assert.Same(LatencySummary.Empty, LatencySummary.Of([]));
    }
}
