using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>The periodic health line (Server:StatsSeconds; 0 = none): started last, stopped first.</summary>
public sealed class RuntimeStatsService(IOptions<ServerSettings> server, SipStackService sip, MediaClockService clock, TimeProvider time, ILogger<RuntimeStatsReporter> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new RuntimeStatsReporter(() => sip.ActiveCalls, clock.Clock, TimeSpan.FromSeconds(server.Value.StatsSeconds), time, log).RunAsync(stoppingToken);
}
