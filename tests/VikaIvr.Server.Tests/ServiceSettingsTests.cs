using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Service;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Tests;

/// <summary>The drain and overload settings are checked like every other key; `serve` takes SIGTERM itself (the drain).</summary>
public sealed class ServiceSettingsTests
{
    [Theory]
    [InlineData("Server:DrainSeconds", "-1", "invalid setting Server:DrainSeconds = '-1': expected seconds 0-86400 (0 = no drain: BYE at once)")]
    [InlineData("Sip:MaxCalls", "-1", "invalid setting Sip:MaxCalls = '-1': expected a call count 0-100000 (0 = what the RTP ports carry)")]
    [InlineData("Sip:MaxCallsPerSecond", "100001", "invalid setting Sip:MaxCallsPerSecond = '100001': expected calls per second 0-100000 (0 = no limit)")]
    [InlineData("Sip:MaxCallsPerSourcePerSecond", "-5", "invalid setting Sip:MaxCallsPerSourcePerSecond = '-5': expected requests per second 0-100000 (0 = no limit)")]
    [InlineData("Sip:SourceBanSeconds", "0", "invalid setting Sip:SourceBanSeconds = '0': expected seconds 1-3600")]
    [InlineData("Sip:RetryAfterSeconds", "0", "invalid setting Sip:RetryAfterSeconds = '0': expected seconds 1-3600")]
    [InlineData("Sip:MaxTcpConnectionsPerSource", "-1", "invalid setting Sip:MaxTcpConnectionsPerSource = '-1': expected connections 0-100000 (0 = no per-source cap)")]
    [InlineData("Sip:TcpFirstMessageSeconds", "0", "invalid setting Sip:TcpFirstMessageSeconds = '0': expected seconds 1-300")]
    [InlineData("Sip:TrustedProxies:0", "10.0.0.0/33", "invalid setting Sip:TrustedProxies:0 = '10.0.0.0/33': expected an IP address or a CIDR block such as 10.0.0.0/8")]
    public void A_bad_limit_or_drain_time_is_one_line_naming_key_value_and_range(string key, string value, string expected)
    {
        var problems = Assert.Throws<SettingsException>(() =>
            SettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build(), "/home")).Problems;

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Serve_replaces_the_console_lifetime_so_sigterm_drains()
    {
        using var host = ServeHost.Build(new ConfigurationBuilder().Build(), Path.GetTempPath(), TimeProvider.System, LogLevel.None);

        Assert.IsType<ServeLifetime>(host.Services.GetRequiredService<IHostLifetime>());
    }
}
