using Microsoft.Extensions.Hosting;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// First of all: the scheduling priority (<see cref="ServerPriority"/>), so the threads started
/// afterwards (media pacers, receivers, sockets) inherit it.
/// </summary>
public sealed class ServerPriorityService(VikaSettings settings) : IHostedService
{
    /// <summary>What was granted, for the start-up line.</summary>
    public string Granted { get; private set; } = "priority not applied";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Granted = ServerPriority.Apply(settings.Server.Priority);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
