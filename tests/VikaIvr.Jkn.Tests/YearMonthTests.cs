using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Tests;

public class YearMonthTests
{
    [Fact]
    public void Adds_months_across_years()
    {
        Assert.Equal(new YearMonth(2024, 4), new YearMonth(2026, 11).AddMonths(-31));
        Assert.Equal(new YearMonth(2027, 1), new YearMonth(2026, 12).AddMonths(1));
        Assert.Equal(-31, new YearMonth(2026, 11).MonthsUntil(new YearMonth(2024, 4)));
    }

    [Fact]
    public void Round_trips_through_text()
    {
        Assert.Equal("2026-04", new YearMonth(2026, 4).ToString());
        Assert.Equal(new YearMonth(2026, 4), YearMonth.Parse("2026-04"));
        Assert.False(YearMonth.TryParse("2026-13", out _));
        Assert.False(YearMonth.TryParse("2026/04", out _));
        Assert.False(YearMonth.TryParse("", out _));
    }
}
