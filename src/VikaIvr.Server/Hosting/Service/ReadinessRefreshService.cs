using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VikaIvr.Server.Hosting.Service;

/// <summary>
/// Runs the readiness checks once before the SIP stack starts (so the first OPTIONS already
/// tells the truth) and then every <see cref="Interval"/>, logging each change of state once.
/// </summary>
public sealed partial class ReadinessRefreshService(ServiceReadiness readiness, TimeProvider time, ILogger<ReadinessRefreshService> log) : BackgroundService
{
    /// <summary>How often the checks run: a dispatcher probing every few seconds sees a change within one probe.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private ReadinessSnapshot? _last;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Report(await readiness.RefreshAsync(cancellationToken).ConfigureAwait(false));
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Report(await readiness.RefreshAsync(stoppingToken).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Report(ReadinessSnapshot now)
    {
        if (_last is { } last && last.Ready == now.Ready && last.Reason == now.Reason)
        {
            return;
        }

        _last = now;
        if (now.Ready)
        {
            LogReady();
        }
        else
        {
            LogNotReady(now.Reason);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "ready to take calls")]
    private partial void LogReady();

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "not ready: {Reason}")]
    private partial void LogNotReady(string reason);
}
