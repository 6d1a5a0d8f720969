using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Hosting.Service;

/// <summary>
/// The drain (SIGTERM through <see cref="ServeLifetime"/>, POST /admin/drain through
/// <see cref="IDrainControl"/>): readiness turns "draining" (OPTIONS 503), new INVITEs get 503 with
/// Retry-After, calls in progress go on for up to Server:DrainSeconds, the rest get BYE, the log says
/// how many were drained and cut, and then the host stops as usual (records written, exit 0).
/// Server:DrainSeconds = 0 skips the wait: the host's stop ends every call at once.
/// </summary>
public sealed partial class DrainService(
    SipStackService sip,
    ServiceReadiness readiness,
    IOptions<ServerSettings> server,
    IHostApplicationLifetime lifetime,
    DrainMetrics metrics,
    ILogger<DrainService> log) : IDrainControl, IDisposable
{
    private readonly CancellationTokenSource _cut = new();
    private int _begun;

    public bool IsDraining => Volatile.Read(ref _begun) != 0;

    /// <summary>The drain in progress (completed before one began and once it ended).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void BeginDrain(string by)
    {
        if (Interlocked.Exchange(ref _begun, 1) != 0)
        {
            return;
        }

        readiness.MarkDraining();
        Completion = DrainAsync(by);
    }

    /// <summary>Ends the drain at once: every call left gets its BYE now (a second SIGTERM).</summary>
    public void CutNow(string by)
    {
        BeginDrain(by);
        LogCutting(by, sip.ActiveCalls);
        try
        {
            _cut.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The host has stopped already: nothing is left to cut.
        }
    }

    public void Dispose() => _cut.Dispose();

    private async Task DrainAsync(string by)
    {
        int seconds = server.Value.DrainSeconds;
        try
        {
            if (seconds == 0)
            {
                LogNoDrain(by, sip.ActiveCalls);
                return;
            }

            LogDraining(by, sip.ActiveCalls, seconds);
            var result = await sip.DrainAsync(TimeSpan.FromSeconds(seconds), _cut.Token, lifetime.ApplicationStopping).ConfigureAwait(false);
            metrics.Drained(result.Drained, result.Cut);
            LogDrained(result.Drained, result.Cut);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The host stops anyway (Ctrl+C during the drain): its stop ends the calls left.
        }
        catch (Exception ex)
        {
            LogDrainFailed(ex);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Information,
        Message = "Draining (asked by {By}): {Calls} calls in progress may go on for up to {Seconds} s; new calls get 503 with Retry-After")]
    private partial void LogDraining(string by, int calls, int seconds);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, Message = "Drain ended: {Drained} calls ended by themselves, {Cut} cut with BYE")]
    private partial void LogDrained(int drained, int cut);

    [LoggerMessage(EventId = 52, Level = LogLevel.Information, Message = "Drain cut short (asked by {By}): {Calls} calls get BYE now")]
    private partial void LogCutting(string by, int calls);

    [LoggerMessage(EventId = 53, Level = LogLevel.Information, Message = "Server:DrainSeconds is 0 (asked by {By}): stopping at once, {Calls} calls get BYE")]
    private partial void LogNoDrain(string by, int calls);

    [LoggerMessage(EventId = 54, Level = LogLevel.Error, Message = "The drain failed; stopping")]
    private partial void LogDrainFailed(Exception ex);
}
