using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>
/// Keeps the running flow in step, off every call: once a second it follows the revision active in
/// the database (an activation on another node or by `vika flow reload`), and on SIGHUP it reads the
/// flow file again and activates it when it is valid and changed.
/// </summary>
public sealed partial class FlowActivationService(CallFlowsService flows, VikaServices services, DataMetrics metrics, ILogger<FlowActivationService> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public const string SignalAuthor = "SIGHUP";

    private readonly SemaphoreSlim _hangups = new(0);
    private PosixSignalRegistration? _hangup;
    private bool _failing;

    /// <summary>
    /// Takes SIGHUP before the host starts the next service (so before SIP listens): since .NET 10 the
    /// host runs all of <see cref="ExecuteAsync"/> in the background, and a SIGHUP that came before a
    /// handler existed would end the process (the default action). A SIGHUP ignored by whatever
    /// started serve (nohup) is taken back first: the runtime never installs a handler for an
    /// ignored signal, and every SIGHUP would be lost (<see cref="HangupDisposition"/>).
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_hangup is null)
        {
            if (HangupDisposition.TakeBackWhenIgnored()) LogHangupWasIgnored();
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnHangup);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var activator = flows.Activator;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                bool signalled = await _hangups.WaitAsync(Interval, stoppingToken).ConfigureAwait(false);
                try
                {
                    if (signalled) await ReloadFileAsync(activator, stoppingToken).ConfigureAwait(false);
                    else await activator.FollowAsync(stoppingToken).ConfigureAwait(false);
                    _failing = false;
                }
                catch (DataStoreException ex)
                {
                    metrics.Error("flow-revision");
                    // One line per outage, not one per second.
                    if (!_failing) LogDatabaseFailed(ex.Message);
                    _failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _hangup?.Dispose();
        _hangups.Dispose();
        base.Dispose();
    }

    private void OnHangup(PosixSignalContext context)
    {
        // SIGHUP reloads; it never ends the process. Said at once, so a reload that takes long (or
        // never comes) is told apart from a signal that never reached the handler.
        context.Cancel = true;
        LogHangup(services.FlowFile);
        _hangups.Release();
    }

    private async Task ReloadFileAsync(FlowActivator activator, CancellationToken ct)
    {
        string file = services.FlowFile;
        string yaml;
        try
        {
            yaml = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(file, ex.Message);
            return;
        }

        if (FlowRevisionStore.Hash(yaml) == activator.Current.ContentHash)
        {
            LogUnchanged(file, activator.Current.Revision);
            return;
        }

        var result = await activator.SubmitAsync(yaml, SignalAuthor, FlowRevisionSources.File, "the flow file on SIGHUP", file, ct).ConfigureAwait(false);
        if (!result.Activated) LogRefused(file, result.Errors.Count, string.Join("; ", result.Errors.Take(3)));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Flow revisions: the database is not available ({Cause}); retrying every second")]
    private partial void LogDatabaseFailed(string cause);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "SIGHUP: the flow file {File} cannot be read ({Cause}); the flow running stays")]
    private partial void LogUnreadable(string file, string cause);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "SIGHUP: the flow file {File} is revision {Revision}, already active")]
    private partial void LogUnchanged(string file, long revision);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "SIGHUP: the flow file {File} is invalid ({Count} errors: {Errors}); nothing activated")]
    private partial void LogRefused(string file, int count, string errors);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "SIGHUP: reading the flow file {File} again")]
    private partial void LogHangup(string file);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "SIGHUP was ignored by the process that started serve (nohup?); taken back: SIGHUP reloads the flow file and never ends the server")]
    private partial void LogHangupWasIgnored();
}
