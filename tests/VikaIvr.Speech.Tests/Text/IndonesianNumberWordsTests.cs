using VikaIvr.Speech.Text;

namespace VikaIvr.Speech.Tests.Text;

public class IndonesianNumberWordsTests
{
    [Theory]
    [InlineData(0, "nol")]
    [InlineData(1, "satu")]
    [InlineData(9, "sembilan")]
    [InlineData(10, "sepuluh")]
    [InlineData(11, "sebelas")]
    [InlineData(12, "dua belas")]
    [InlineData(19, "sembilan belas")]
    [InlineData(20, "dua puluh")]
    [InlineData(21, "dua puluh satu")]
    [InlineData(99, "sembilan puluh sembilan")]
    [InlineData(100, "seratus")]
    [InlineData(101, "seratus satu")]
    [InlineData(111, "seratus sebelas")]
    [InlineData(150, "seratus lima puluh")]
    [InlineData(200, "dua ratus")]
    [InlineData(999, "sembilan ratus sembilan puluh sembilan")]
    [InlineData(1000, "seribu")]
    [InlineData(1001, "seribu satu")]
    [InlineData(1985, "seribu sembilan ratus delapan puluh lima")]
    [InlineData(2000, "dua ribu")]
    [InlineData(2026, "dua ribu dua puluh enam")]
    [InlineData(11000, "sebelas ribu")]
    [InlineData(35000, "tiga puluh lima ribu")]
    [InlineData(100000, "seratus ribu")]
    [InlineData(101000, "seratus satu ribu")]
    [InlineData(150000, "seratus lima puluh ribu")]
    [InlineData(700000, "tujuh ratus ribu")]
    [InlineData(1000000, "satu juta")]
    [InlineData(1001000, "satu juta seribu")]
    [InlineData(2500000, "dua juta lima ratus ribu")]
    [InlineData(3750000, "tiga juta tujuh ratus lima puluh ribu")]
    [InlineData(1000000000, "satu miliar")]
    [InlineData(12000000000, "dua belas miliar")]
    [InlineData(1000000000000, "satu triliun")]
    [InlineData(2000000001000, "dua triliun seribu")]
    [InlineData(999999999999999, "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan")]
    [InlineData(-5, "minus lima")]
    public void Speaks_numbers_as_words(long value, string expected)
        => Assert.Equal(expected, IndonesianNumberWords.ToWords(value));

    [Fact]
    public void Refuses_numbers_beyond_the_trillions()
        => Assert.Throws<ArgumentOutOfRangeException>(() => IndonesianNumberWords.ToWords(1_000_000_000_000_000));

    [Fact]
    public void Speaks_digit_strings_digit_by_digit()
        => Assert.Equal("nol delapan satu satu delapan", IndonesianNumberWords.DigitByDigit("08118"));

    [Theory]
    [InlineData(1, "Januari")]
    [InlineData(8, "Agustus")]
    [InlineData(12, "Desember")]
    public void Names_months(int month, string name)
    {
        Assert.Equal(name, IndonesianMonths.Name(month));
        Assert.Equal(month, IndonesianMonths.Parse(name.ToUpperInvariant()));
    }

    [Fact]
    public void Unknown_month_name_parses_to_zero() => Assert.Equal(0, IndonesianMonths.Parse("Agust"));
}
