using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Net;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;
using VikaIvr.Media.Shared;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Core;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Telephony.Calls;

/// <summary>
/// Answers the SIP user agent's incoming sessions: each becomes one <see cref="TelephonyCall"/>
/// (the SIP session plus a media session) that runs the call application and leaves one call
/// record. Start it with <see cref="Start"/>; <see cref="HangupAllAsync"/> is the graceful stop.
/// Owns the set of live calls (for the stop and the count only — SIP routing is the user agent's).
/// </summary>
public sealed partial class CallService : IAsyncDisposable
{
    private readonly SipUserAgent _agent;
    private readonly TelephonyOptions _options;
    private readonly MediaParts _media;
    private readonly RtpPortAllocator _ports;
    private readonly EncodedClipCache _clips;
    private readonly ICallApplication _application;
    private readonly ICallRecordStore _records;
    private readonly TimeProvider _time;
    private readonly ILogger<CallService> _log;
    private readonly SdpOfferAnswerOptions _sdpOptions;
    private readonly SipSecurityLog _security;
    private readonly ConcurrentDictionary<CallRun, byte> _live = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _admission = new();
    private readonly MediaInactivityWatchdog? _watchdog;
    private readonly LocalAddressCache _localAddresses;
    private Task _accepting = Task.CompletedTask;
    private volatile bool _refusing;

    public CallService(SipUserAgent agent, TelephonyOptions options, MediaClock clock, RtpPortAllocator ports, EncodedClipCache clips,
        ICallApplication application, ICallRecordStore records, TimeProvider time, ILoggerFactory loggers)
    {
        _agent = agent;
        _options = options;
        _ports = ports;
        _clips = clips;
        _application = application;
        _records = records;
        _time = time;
        _log = loggers.CreateLogger<CallService>();
        // Once, not per call: CreateLogger<T> builds the category name and a wrapper each time.
        _media = new MediaParts(clock, loggers.CreateLogger<MediaSession>());
        // Shared by every call's offer/answer (it only reads them).
        _sdpOptions = new SdpOfferAnswerOptions { Codecs = [.. options.Codecs], Srtp = options.Srtp };
        _security = new SipSecurityLog(_log);
        _watchdog = options.RtpTimeout is { } timeout && timeout > TimeSpan.Zero ? new MediaInactivityWatchdog(timeout, time) : null;
        _localAddresses = new LocalAddressCache(time);
    }

    /// <summary>Calls from the INVITE until their record is handed to the store.</summary>
    public int ActiveCalls => _live.Count;

    /// <summary>The shared receive threads for every call's RTP/RTCP; null: each call receives on its own async loops.</summary>
    public MediaReceiver? Receiver { get; init; }

    /// <summary>One RTP port pair for the calls that can be told apart there (Media:SharedRtpPort); null: a port pair per call.</summary>
    public SharedRtpPort? SharedPort { get; init; }

    /// <summary>Where the calls are counted (active, answered, ended, digits, RTP); null: not counted.</summary>
    public CallMetrics? Metrics { get; init; }

    /// <summary>Begins taking the user agent's incoming sessions (call once, after the agent started).</summary>
    public void Start() => _accepting = AcceptAsync();

    /// <summary>
    /// The graceful stop: new calls are refused with 503 from now on, every live call's application
    /// is told to stop and the call ends with BYE (end reason "shutdown"), and the task completes once
    /// every call record has been handed to the record store (or <paramref name="ct"/> fires).
    /// </summary>
    public async Task HangupAllAsync(CancellationToken ct = default)
    {
        lock (_admission)
        {
            // From here no session joins the live set, so the loop below sees every call.
            _refusing = true;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        while (!_live.IsEmpty)
        {
            var running = new List<Task>();
            foreach (var run in _live.Keys)
            {
                running.Add(run.ShutdownAsync());
            }

            await Task.WhenAll(running).WaitAsync(ct).ConfigureAwait(false);
        }

        await WaitForByesAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await HangupAllAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogStopTimedOut(_live.Count);
        }

        _watchdog?.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        await foreach (var session in _agent.IncomingCalls.ReadAllAsync().ConfigureAwait(false))
        {
            CallRun? run = null;
            lock (_admission)
            {
                if (!_refusing && !_draining)
                {
                    run = new CallRun(this, session);
                    _live.TryAdd(run, 0);
                }
            }

            if (run is null)
            {
                // Draining or stopping: 503 with Retry-After, so the caller (or its proxy) tries another node.
                session.RejectUnavailable(SipRefusalReason.Draining);
                continue;
            }

            // Runs to its first await (the answer is sent) here, then on its own continuations: no thread per call.
            _ = run.RunAsync();
        }
    }

    private MediaSession CreateMedia(RtpPortLease lease, IMediaDigitSink digits, uint ssrc) =>
        new(_media.Clock, lease, _options.Media, _time, _media.Log, Receiver, ssrc) { DigitSink = digits };

    /// <summary>What every call's media session is built with (its own type: the log methods here need one ILogger field).</summary>
    private sealed record MediaParts(MediaClock Clock, ILogger<MediaSession> Log);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: no RTP port available ({Reason}); answering 503")]
    private partial void LogNoPorts(string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: late-offer ACK without a usable SDP answer; hanging up")]
    private partial void LogNoAnswer(string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: the call application failed")]
    private partial void LogApplicationFailed(string callId, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: hangup failed: {Reason}")]
    private partial void LogHangupFailed(string callId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: the call record could not be stored: {Reason}")]
    private partial void LogRecordFailed(string callId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: set-up failed")]
    private partial void LogSetupFailed(string callId, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: no RTP or RTCP from the caller for {Seconds} s; hanging up (media-timeout)")]
    private partial void LogMediaTimeout(string callId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call service stop: {Count} calls still not finished")]
    private partial void LogStopTimedOut(int count);
}
