using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VikaIvr.Server.Hosting.Admin;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Service;

namespace VikaIvr.Server.Tests;

/// <summary>`serve`'s host as built (not started): its parts in start order, and its stop time from the settings.</summary>
public sealed class ServeHostTests
{
    [Fact]
    public void The_parts_start_in_order_so_they_stop_with_the_calls_first_and_the_record_writer_last()
    {
        using var host = Build([]);

        // OpenTelemetry's own hosted service (it builds the meter provider) is not one of serve's parts.
        var order = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).Where(t => t.Assembly == typeof(ServeHost).Assembly).ToList();

        Assert.Equal(
        [
            typeof(ServerPriorityService), typeof(AdminEndpointService), typeof(CallFlowsService), typeof(CallRecordWriterService), typeof(PromptSyncService),
            typeof(VikaIvr.Server.Hosting.Flows.FlowActivationService),
            typeof(MediaClockService), typeof(MediaReceiverService), typeof(PromptPreloadService), typeof(ReadinessRefreshService), typeof(SipStackService),
            typeof(RuntimeStatsService),
        ], order);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("5", 5)]
    [InlineData("abc", 30)]
    public void The_stop_time_is_server_stop_seconds(string? configured, int expectedSeconds)
    {
        using var host = Build(new() { ["Server:StopSeconds"] = configured });

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    private static IHost Build(Dictionary<string, string?> values) =>
        ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath(), TimeProvider.System, LogLevel.None);
}
