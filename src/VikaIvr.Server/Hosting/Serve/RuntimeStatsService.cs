using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>The periodic health line (Server:StatsSeconds; 0 = none): started last, stopped first.</summary>
public sealed class RuntimeStatsService(VikaSettings settings, SipStackService sip, MediaClockService clock, TimeProvider time, ILogger<RuntimeStatsReporter> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new RuntimeStatsReporter(() => sip.ActiveCalls, clock.Clock, TimeSpan.FromSeconds(settings.Server.StatsSeconds), time, log).RunAsync(stoppingToken);
}
