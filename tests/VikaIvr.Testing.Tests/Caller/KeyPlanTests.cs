using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Tests.Caller;

public sealed class KeyPlanTests
{
    [Fact]
    public void Waits_groups_and_keys_are_read_in_order()
    {
        var steps = KeyPlan.Parse("1,w,1,3171011708850001#");

        Assert.Equal(["keys 1", "wait 300 ms", "wait 1000 ms", "wait 300 ms", "keys 1", "wait 300 ms", "keys 3171011708850001#"],
            steps.Select(s => s.ToString()));
    }

    [Fact]
    public void A_character_that_is_no_key_is_refused()
    {
        Assert.Throws<FormatException>(() => KeyPlan.Parse("12x"));
    }

    [Theory]
    [InlineData("info", TestCallerDtmfMode.Info)]
    [InlineData("RFC4733", TestCallerDtmfMode.Rfc4733)]
    [InlineData("inband", TestCallerDtmfMode.InBand)]
    public void Dtmf_mode_names_parse(string text, TestCallerDtmfMode expected)
    {
        Assert.True(TestCallerDtmfModes.TryParse(text, out var mode));
        Assert.Equal(expected, mode);
    }
}
