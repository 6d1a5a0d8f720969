using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Tests;

public class PersonalDataTests
{
    [Theory]
    [InlineData("3171011708850001", "3171********0001")]
    [InlineData("0001234567890", "0001*****7890")]
    [InlineData("17081985", "********")]
    [InlineData("1985-08-17", "****-**-**")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    public void Masks_personal_values(string value, string expected) => Assert.Equal(expected, PersonalData.Mask(value));

    [Fact]
    public void Masks_dates_completely() => Assert.Equal("**-**-****", PersonalData.Mask(new DateOnly(1985, 8, 17)));

    [Fact]
    public void Scrubs_long_digit_runs_in_free_text()
    {
        Assert.Equal("no row for 3171********0001 (code 19)", PersonalData.ScrubDigits("no row for 3171011708850001 (code 19)"));
        Assert.Equal("born ******** ok", PersonalData.ScrubDigits("born 17081985 ok"));
        Assert.Equal("disk I/O error 1234567", PersonalData.ScrubDigits("disk I/O error 1234567"));
    }

    [Fact]
    public void Participant_ToString_holds_no_personal_data()
    {
        var p = DemoParticipants.For(new YearMonth(2026, 11))[0];
        string text = p.ToString();
        Assert.DoesNotContain(p.Nik, text);
        Assert.DoesNotContain(p.CardNumber, text);
        Assert.DoesNotContain("1985", text);
        Assert.Contains("3171********0001", text);
    }
}
