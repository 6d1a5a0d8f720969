using Microsoft.Extensions.Configuration;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Tests;

/// <summary>The dead-call settings (RTP timeout, RFC 4028 session timers) are checked like every other key and reach the call stack.</summary>
public sealed class DeadCallSettingsTests
{
    [Theory]
    [InlineData("Media:RtpTimeoutSeconds", "-1", "invalid setting Media:RtpTimeoutSeconds = '-1': expected seconds 0-3600 (0 = off)")]
    [InlineData("Sip:MinSessionExpiresSeconds", "0", "invalid setting Sip:MinSessionExpiresSeconds = '0': expected seconds 1-86400 (RFC 4028: 90 or more; less only for tests)")]
    [InlineData("Sip:SessionExpiresSeconds", "0", "invalid setting Sip:SessionExpiresSeconds = '0': expected seconds 1-86400, not below Sip:MinSessionExpiresSeconds")]
    [InlineData("Sip:SessionExpiresSeconds", "60", "invalid setting Sip:SessionExpiresSeconds = '60': expected seconds not below Sip:MinSessionExpiresSeconds (90)")]
    public void A_bad_dead_call_setting_is_one_line_naming_key_value_and_range(string key, string value, string expected)
    {
        var problems = Assert.Throws<SettingsException>(() => Read(new() { [key] = value })).Problems;

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Short_test_intervals_are_allowed_and_the_defaults_are_30_s_and_1800_over_90()
    {
        var defaults = Read([]);
        Assert.Equal(30, defaults.Media.RtpTimeoutSeconds);
        Assert.Equal(TimeSpan.FromSeconds(30), TelephonySettings.Create(defaults).RtpTimeout);
        Assert.Equal((1800, 90), (defaults.Sip.SessionExpiresSeconds, defaults.Sip.MinSessionExpiresSeconds));

        var test = Read(new() { ["Sip:SessionExpiresSeconds"] = "6", ["Sip:MinSessionExpiresSeconds"] = "4", ["Media:RtpTimeoutSeconds"] = "0" });
        Assert.Equal(6, test.Sip.SessionExpiresSeconds);
        Assert.Null(TelephonySettings.Create(test).RtpTimeout);
    }

    private static VikaSettings Read(Dictionary<string, string?> values) =>
        SettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/home");
}
