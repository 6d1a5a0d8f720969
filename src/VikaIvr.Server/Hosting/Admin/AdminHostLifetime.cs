using Microsoft.Extensions.Hosting;

namespace VikaIvr.Server.Hosting.Admin;

/// <summary>
/// The admin web application's lifetime: nothing. Its default (the console lifetime) would take
/// SIGTERM and Ctrl+C away from `serve`'s host, which owns the stop (and the drain).
/// </summary>
internal sealed class AdminHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
