using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VikaIvr.Media.Clock;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>The media clock's pacer threads that send every call's frames: running before the first call, stopped after the last.</summary>
public sealed class MediaClockService : IHostedService, IDisposable
{
    private int _stopped;

    public MediaClockService(IOptions<MediaSettings> media, IMeterFactory meters, ILogger<MediaClock> log)
    {
        ArgumentNullException.ThrowIfNull(media);
        int pacers = media.Value.PacerThreads;
        var options = new MediaClockOptions { MaxPacerThreads = pacers > 0 ? pacers : 4, SlotsPerPeriod = media.Value.PacerSlots };
        Clock = new MediaClock(options, new StopwatchTickSource(options), log);
        Metrics = new MediaClockMetrics(meters, Clock);
    }

    public MediaClock Clock { get; }

    /// <summary>The clock's figures as instruments (read when scraped).</summary>
    public MediaClockMetrics Metrics { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Clock.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    // The clock's tick source may be disposed only once; the host disposes what it stopped.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0) Clock.Dispose();
    }
}
