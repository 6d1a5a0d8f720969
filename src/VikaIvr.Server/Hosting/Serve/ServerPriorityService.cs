using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// First of all: the scheduling priority (<see cref="ServerPriority"/>), so the threads started
/// afterwards (media pacers, receivers, sockets) inherit it.
/// </summary>
public sealed class ServerPriorityService(IOptions<ServerSettings> server) : IHostedService
{
    /// <summary>What was granted, for the start-up line.</summary>
    public string Granted { get; private set; } = "priority not applied";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Granted = ServerPriority.Apply(server.Value.Priority);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
