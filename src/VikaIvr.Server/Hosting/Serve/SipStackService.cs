using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Server.Hosting.Service;
using VikaIvr.Sip.Admission;
using VikaIvr.Telephony.Calls;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// Starts answering calls once everything they need runs (flows, record writer, media clock,
/// receiver, prompts), and says so in the start-up line. Its stop ends every call with a BYE and
/// waits for the calls to finish, before the parts they use stop.
/// </summary>
public sealed partial class SipStackService(
    VikaSettings settings,
    VikaServices services,
    CallFlowsService flows,
    CallRecordWriterService records,
    MediaClockService clock,
    MediaReceiverService receiver,
    PromptPreloadService prompts,
    ServerPriorityService priority,
    TelephonyOptions telephony,
    CallMetrics callMetrics,
    Sip.Core.SipMetrics sipMetrics,
    TimeProvider time,
    ServiceReadiness readiness,
    SipRefusalMetrics refusalMetrics,
    ILoggerFactory loggers,
    System.Diagnostics.Metrics.IMeterFactory meters,
    ILogger<SipStackService> log) : IHostedService, IAsyncDisposable
{
    private SipCallStack? _stack;

    /// <summary>Calls in progress (0 before the start).</summary>
    public int ActiveCalls => Volatile.Read(ref _stack)?.ActiveCalls ?? 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var parts = new SipCallStackParts(settings, telephony, flows.ServiceNumbers, clock.Clock, receiver.Receiver,
            prompts.Cache, new FlowCallApplication(flows.Router), records.Store, time, loggers,
            new SipServiceReadiness(readiness), refusalMetrics)
        {
            CallMetrics = callMetrics,
            SipMetrics = sipMetrics,
            Meters = meters,
        };
        // Before listening: the first real calls must not compile the call path (they would hold every call behind them).
        await CallPathWarmup.RunAsync(parts, log, cancellationToken).ConfigureAwait(false);
        _stack = SipCallStack.Start(parts);
        var (rtpLow, rtpHigh) = RtpPortRange.Parse(settings.Media.RtpPorts);
        string shared = settings.Media.SharedRtpPort > 0 ? $", shared RTP port {settings.Media.SharedRtpPort}" : "";
        LogListening(settings.Sip.Bind, settings.Sip.Port, rtpLow, rtpHigh, shared, string.Join(",", flows.ServiceNumbers), services.FlowFile,
            flows.EngineName, flows.Database.Description, flows.Line, priority.Granted, RuntimeDescription.Describe());
    }

    /// <summary>The drain (see <see cref="SipCallStack.DrainAsync"/>); nothing to drain before the start.</summary>
    public Task<CallDrainResult> DrainAsync(TimeSpan within, CancellationToken cut, CancellationToken ct) =>
        Volatile.Read(ref _stack) is { } stack ? stack.DrainAsync(within, cut, ct) : Task.FromResult(new CallDrainResult(0, 0));

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stack is null)
        {
            return;
        }

        LogStopping(_stack.ActiveCalls);
        try
        {
            await _stack.HangupAllAsync(cancellationToken).ConfigureAwait(false);
            LogStopped();
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the SIP sockets (after <see cref="StopAsync"/>, or when the start failed later on).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stack, null) is { } stack)
        {
            await stack.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "VikaIvr listening on {Bind}:{Port} (UDP+TCP), RTP {Low}-{High}{Shared}, numbers {Numbers}, flow {Flow}, speech {Engine}, data {Data}, {Operator}, {Priority}, {Runtime}")]
    private partial void LogListening(string bind, int port, int low, int high, string shared, string numbers, string flow, string engine, string data,
        OperatorLine @operator, string priority, string runtime);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Stopping: {Calls} calls in progress")]
    private partial void LogStopping(int calls);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Stopped: every call ended")]
    private partial void LogStopped();
}
