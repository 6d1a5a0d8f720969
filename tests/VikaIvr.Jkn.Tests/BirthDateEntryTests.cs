using VikaIvr.Jkn.Identity;

namespace VikaIvr.Jkn.Tests;

public class BirthDateEntryTests
{
    [Theory]
    [InlineData("17081985", 1985, 8, 17)]
    [InlineData("29021988", 1988, 2, 29)]
    [InlineData("15112026", 2026, 11, 15)] // today
    [InlineData("01011900", 1900, 1, 1)]
    public void Real_past_dates_are_accepted(string entry, int y, int m, int d)
    {
        Assert.True(BirthDateEntry.TryParse(entry, TestClock.Today, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("16112026")] // tomorrow
    [InlineData("29021985")] // not a leap year
    [InlineData("31041985")]
    [InlineData("00011985")]
    [InlineData("01131985")]
    [InlineData("1708198")]
    [InlineData("170819850")]
    [InlineData("1708198A")]
    [InlineData("31121899")]
    public void Impossible_or_future_dates_are_rejected(string entry) =>
        Assert.False(BirthDateEntry.IsValid(entry, TestClock.Today));

    [Fact]
    public void Format_gives_what_a_caller_types() =>
        Assert.Equal("05031992", BirthDateEntry.Format(new DateOnly(1992, 3, 5)));
}
