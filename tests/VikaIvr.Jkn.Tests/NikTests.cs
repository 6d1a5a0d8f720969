using VikaIvr.Jkn.Identity;

namespace VikaIvr.Jkn.Tests;

public class NikTests
{
    private static readonly DateOnly Today = TestClock.Today;

    [Theory]
    [InlineData("3171011708850001")]
    [InlineData("3273054503920002")]
    [InlineData("3578101201800003")]
    [InlineData("5103066107750004")]
    [InlineData("6171030309600005")]
    [InlineData("7371114402880006")]
    public void Demo_niks_are_valid(string nik) => Assert.True(Nik.IsValid(nik, Today));

    [Fact]
    public void Women_have_forty_added_to_the_day()
    {
        Assert.True(Nik.TryGetBirthDate("3273054503920002", Today, out var date, out bool female));
        Assert.True(female);
        Assert.Equal(new DateOnly(1992, 3, 5), date);

        Assert.True(Nik.TryGetBirthDate("3171011708850001", Today, out date, out female));
        Assert.False(female);
        Assert.Equal(new DateOnly(1985, 8, 17), date);
    }

    [Theory]
    [InlineData("3171013208850001")] // day 32
    [InlineData("3171017208850001")] // day 72 = 32 for a woman
    [InlineData("3171010008850001")] // day 0
    [InlineData("3171014008850001")] // day 40 = 0 for a woman
    [InlineData("3171011713850001")] // month 13
    [InlineData("3171011700850001")] // month 0
    [InlineData("3171013102850001")] // 31 February
    [InlineData("3171012902850001")] // 29 February 1985 (not a leap year)
    [InlineData("3171016902850001")] // 29 February 1985, woman
    public void Date_part_must_be_a_real_date(string nik) => Assert.False(Nik.IsValid(nik, Today));

    [Fact]
    public void Leap_day_is_valid_in_a_leap_year()
    {
        Assert.True(Nik.TryGetBirthDate("3171012902880001", Today, out var date, out _));
        Assert.Equal(new DateOnly(1988, 2, 29), date);
        Assert.True(Nik.TryGetBirthDate("3171012902000001", Today, out date, out _));
        Assert.Equal(new DateOnly(2000, 2, 29), date);
    }

    [Fact]
    public void Two_digit_year_takes_the_century_that_is_not_in_the_future()
    {
        Assert.True(Nik.TryGetBirthDate("3171011508200001", Today, out var date, out _));
        Assert.Equal(new DateOnly(2020, 8, 15), date);

        // 15 December 26 would be next month in 2026, so it is 1926.
        Assert.True(Nik.TryGetBirthDate("3171011512260001", Today, out date, out _));
        Assert.Equal(new DateOnly(1926, 12, 15), date);

        Assert.True(Nik.TryGetBirthDate("3171011511260001", Today, out date, out _));
        Assert.Equal(new DateOnly(2026, 11, 15), date);

        Assert.True(Nik.TryGetBirthDate("3171011507300001", Today, out date, out _));
        Assert.Equal(new DateOnly(1930, 7, 15), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("317101170885000")] // 15 digits
    [InlineData("31710117088500011")] // 17 digits
    [InlineData("317101170885000A")]
    [InlineData("0071011708850001")] // province 00
    [InlineData("3100011708850001")] // regency 00
    [InlineData("3171001708850001")] // district 00
    [InlineData("3171011708850000")] // serial 0000
    [InlineData("1234567890123456")] // day 78 → 38
    public void Malformed_niks_are_invalid(string nik) => Assert.False(Nik.IsValid(nik, Today));

    [Fact]
    public void Card_number_is_exactly_thirteen_digits()
    {
        Assert.True(KisCardNumber.IsValid("0001234567890"));
        Assert.False(KisCardNumber.IsValid("000123456789"));
        Assert.False(KisCardNumber.IsValid("00012345678901"));
        Assert.False(KisCardNumber.IsValid("000123456789#"));
    }
}
