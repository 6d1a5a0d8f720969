using Microsoft.Extensions.Configuration;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Tests;

/// <summary>The options checks every command runs: one line per bad key, naming the value and what is allowed.</summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public void The_defaults_are_valid_and_fill_in_the_numbers_and_codecs()
    {
        var settings = Read([]);

        Assert.Equal(5060, settings.Sip.Port);
        Assert.Equal(VikaOptions.DefaultServiceNumbers, settings.Sip.ServiceNumbers);
        Assert.Equal(VikaOptions.DefaultCodecs, settings.Media.Codecs);
        Assert.Equal(30, settings.Server.StopSeconds);
        Assert.Equal("/home", settings.Home);
    }

    [Fact]
    public void Configured_values_are_bound_per_section()
    {
        var settings = Read(new()
        {
            ["Sip:Port"] = "5070",
            ["Media:RtpPorts"] = "40000-40999",
            ["Media:Codecs:0"] = "pcma",
            ["Server:StopSeconds"] = "5",
            ["Operator:Pin"] = "246810",
        });

        Assert.Equal(5070, settings.Sip.Port);
        Assert.Equal("40000-40999", settings.Media.RtpPorts);
        Assert.Equal(["pcma"], settings.Media.Codecs);
        Assert.Equal(5, settings.Server.StopSeconds);
        Assert.Equal("246810", settings.Operator.Pin);
    }

    [Theory]
    [InlineData("Sip:Port", "abc", "invalid setting Sip:Port = 'abc': expected a port number 1-65535")]
    [InlineData("Sip:Port", "70000", "invalid setting Sip:Port = '70000': expected a port number 1-65535")]
    [InlineData("Sip:Port", "0", "invalid setting Sip:Port = '0': expected a port number 1-65535")]
    [InlineData("Sip:Bind", "localhost", "invalid setting Sip:Bind = 'localhost': expected an IP address, or 0.0.0.0 / :: for every address")]
    [InlineData("Sip:ChallengeInvites", "maybe", "invalid setting Sip:ChallengeInvites = 'maybe': expected true or false")]
    [InlineData("Sip:AllowFrom:0", "10.0.0.0/99", "invalid setting Sip:AllowFrom:0 = '10.0.0.0/99': expected an IP address or a CIDR block such as 10.0.0.0/8")]
    [InlineData("Sip:AnswerDelayMs", "-1", "invalid setting Sip:AnswerDelayMs = '-1': expected milliseconds 0-60000")]
    [InlineData("Media:RtpPorts", "30000-20000", "invalid setting Media:RtpPorts = '30000-20000': expected a range LO-HI of ports 1-65535 with LO below HI, such as 20000-29999")]
    [InlineData("Media:RtpPorts", "20000", "invalid setting Media:RtpPorts = '20000': expected a range LO-HI of ports 1-65535 with LO below HI, such as 20000-29999")]
    [InlineData("Media:Codecs:0", "G729", "invalid setting Media:Codecs:0 = 'G729': expected PCMU or PCMA")]
    [InlineData("Media:InBandDtmf", "sometimes", "invalid setting Media:InBandDtmf = 'sometimes': expected auto, always or never")]
    [InlineData("Media:Srtp", "maybe", "invalid setting Media:Srtp = 'maybe': expected off, optional or required")]
    [InlineData("Media:PublicAddress", "my.host", "invalid setting Media:PublicAddress = 'my.host': expected an IP address, or empty for the local address that reaches the caller")]
    [InlineData("Media:ReceiveThreads", "0", "invalid setting Media:ReceiveThreads = '0': expected a thread count 1-64")]
    [InlineData("Media:PacerSlots", "7", "invalid setting Media:PacerSlots = '7': expected an even number of slots per 20 ms, 2-40")]
    [InlineData("Media:PacerSlots", "80", "invalid setting Media:PacerSlots = '80': expected an even number of slots per 20 ms, 2-40")]
    [InlineData("Media:ReceiveBatchMs", "11", "invalid setting Media:ReceiveBatchMs = '11': expected milliseconds 0-10 (0 = read each packet as it arrives)")]
    [InlineData("Speech:Engine", "festival", "invalid setting Speech:Engine = 'festival': expected espeak-ng or azure")]
    [InlineData("Trunk:Registrar", "pbx.example", "invalid setting Trunk:Registrar = 'pbx.example': expected a sip: or sips: URI, or empty for no registration")]
    [InlineData("Flow:AgentUri", "agent", "invalid setting Flow:AgentUri = 'agent': expected a sip:, sips: or tel: URI, or empty")]
    [InlineData("Server:Priority", "urgent", "invalid setting Server:Priority = 'urgent': expected normal or high")]
    [InlineData("Server:StopSeconds", "0", "invalid setting Server:StopSeconds = '0': expected seconds 1-3600")]
    [InlineData("Server:StatsSeconds", "soon", "invalid setting Server:StatsSeconds = 'soon': expected seconds 0-86400 (0 = off)")]
    public void A_bad_value_is_one_line_naming_key_value_and_what_is_allowed(string key, string value, string expected)
    {
        var problems = Problems(new() { [key] = value });

        Assert.Equal([expected], problems);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("45000")]
    [InlineData("1024")]
    [InlineData("65534")]
    [InlineData("19998")]   // RTCP on 19999, just below the default 20000-29999
    [InlineData("30000")]   // just above it
    public void A_shared_rtp_port_of_0_or_an_even_port_outside_the_rtp_range_is_accepted(string port)
    {
        var settings = Read(new() { ["Media:SharedRtpPort"] = port });

        Assert.Equal(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), settings.Media.SharedRtpPort);
    }

    [Theory]
    [InlineData("45001", null)]          // odd: RTCP takes the next port
    [InlineData("25000", null)]          // inside the default 20000-29999
    [InlineData("20000", null)]          // the range's first port
    [InlineData("29998", null)]          // RTCP on the range's last port
    [InlineData("29999", null)]
    [InlineData("19999", null)]          // odd, RTCP on the range's first port
    [InlineData("20000", "20001-29999")] // RTCP on the range's first port
    [InlineData("30000", "20000-30001")] // the range's last pair
    [InlineData("70000", null)]
    [InlineData("65535", null)]
    [InlineData("1022", null)]
    [InlineData("-2", null)]
    [InlineData("abc", null)]
    public void A_shared_rtp_port_odd_out_of_range_or_overlapping_the_rtp_ports_is_refused_naming_the_key(string port, string? rtpPorts)
    {
        var values = new Dictionary<string, string?> { ["Media:SharedRtpPort"] = port };
        if (rtpPorts is not null) values["Media:RtpPorts"] = rtpPorts;

        var line = Assert.Single(Problems(values));

        Assert.Equal($"invalid setting Media:SharedRtpPort = '{port}': expected 0 (a port pair per call) or an even port 1024-65534 outside Media:RtpPorts", line);
    }

    [Fact]
    public void A_shared_rtp_port_clear_of_a_configured_rtp_range_is_accepted()
    {
        var settings = Read(new() { ["Media:RtpPorts"] = "40000-40999", ["Media:SharedRtpPort"] = "25000" });

        Assert.Equal(25000, settings.Media.SharedRtpPort);
    }

    [Fact]
    public void Bad_values_in_several_sections_are_each_named()
    {
        var problems = Problems(new() { ["Media:RtpPorts"] = "2-1", ["Server:Priority"] = "urgent", ["Sip:Port"] = "0" });

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("invalid setting Media:RtpPorts = '2-1'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("invalid setting Server:Priority = 'urgent'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("invalid setting Sip:Port = '0'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2468")]
    [InlineData("24681")]
    [InlineData("1234567890123")]
    public void An_operator_pin_outside_6_to_12_digits_is_refused_with_its_key_and_cause(string pin)
    {
        var line = Assert.Single(Problems(new() { ["Operator:Pin"] = pin }));

        Assert.Equal("invalid setting Operator:Pin = '(hidden)': expected 6-12 digits, or empty to keep the line closed", line);
    }

    [Fact]
    public void The_operator_lines_sources_and_lockout_limits_are_checked()
    {
        var problems = Problems(new()
        {
            ["Operator:Pin"] = "246810",
            ["Operator:AllowFrom:0"] = "10.0.0.0/8",
            ["Operator:AllowFrom:1"] = "10.0.0.0/33",
            ["Operator:AllowFrom:2"] = "intranet",
            ["Operator:MaxPinFailures"] = "0",
            ["Operator:LockoutMinutes"] = "0",
        });

        Assert.Equal(
            [
                "invalid setting Operator:AllowFrom:1 = '10.0.0.0/33': expected an IP address or a CIDR block such as 10.0.0.0/8",
                "invalid setting Operator:AllowFrom:2 = 'intranet': expected an IP address or a CIDR block such as 10.0.0.0/8",
                "invalid setting Operator:MaxPinFailures = '0': expected wrong PINs 1-100",
                "invalid setting Operator:LockoutMinutes = '0': expected minutes 1-10080 (a week)",
            ],
            problems);
    }

    [Theory]
    [InlineData("Operator:Pin", "12ab")]
    [InlineData("Sip:InviteCredentials", null)]
    public void Secrets_are_never_echoed(string key, string? value)
    {
        var values = new Dictionary<string, string?> { [key] = value };
        if (value is null) values["Sip:ChallengeInvites"] = "true";

        var line = Assert.Single(Problems(values));

        Assert.StartsWith($"invalid setting {key} = '(hidden)'", line, StringComparison.Ordinal);
        if (value is not null) Assert.DoesNotContain(value, line, StringComparison.Ordinal);
    }

    private static VikaSettings Read(Dictionary<string, string?> values) =>
        SettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/home");

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> values) =>
        Assert.Throws<SettingsException>(() => Read(values)).Problems;
}
