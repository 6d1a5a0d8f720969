using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Core;
using VikaIvr.Flows.Digits;
using VikaIvr.Telephony.Digits;
using VikaIvr.Telephony.Media;
using VikaIvr.Media.Net;

namespace VikaIvr.Telephony.Calls;

/// <summary>
/// Binds SIP calls to media sessions and runs the call application on each answered call:
/// SDP offer/answer (early and late offer, re-INVITE), DTMF from RFC 4733, SIP INFO and
/// in-band tones into one queue, and one call record per call.
/// </summary>
public sealed partial class CallManager : ISipCallHandler
{
    private readonly TelephonyOptions _options;
    private readonly MediaClock _clock;
    private readonly RtpPortAllocator _ports;
    private readonly EncodedClipCache _clips;
    private readonly ICallApplication _application;
    private readonly ICallRecordStore _records;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<CallManager> _log;
    private readonly ConcurrentDictionary<string, ActiveCall> _calls = new(StringComparer.Ordinal);

    public CallManager(TelephonyOptions options, MediaClock clock, RtpPortAllocator ports, EncodedClipCache clips,
        ICallApplication application, ICallRecordStore records, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options;
        _clock = clock;
        _ports = ports;
        _clips = clips;
        _application = application;
        _records = records;
        _time = time;
        _loggers = loggers;
        _log = loggers.CreateLogger<CallManager>();
    }

    public int ActiveCalls => _calls.Count;

    /// <summary>The shared receive threads for every call's RTP/RTCP; null: each call receives on its own async loops.</summary>
    public MediaReceiver? Receiver { get; init; }

    public async Task<SipAnswer> OnInviteAsync(SipCall call, CancellationToken cancelled)
    {
        var remote = call.Remote.Address.Address;
        var sdpAddress = _options.MediaAddress ?? LocalAddressFinder.Find(remote);
        var bind = _options.RtpBindAddress ?? (_options.MediaAddress is null ? sdpAddress : AnyFor(sdpAddress));
        RtpPortLease lease;
        try
        {
            lease = _ports.Allocate(bind);
        }
        catch (Exception ex)
        {
            LogNoPorts(call.CallId, ex.Message);
            return SipAnswer.Reject(503, "No media ports available");
        }
        var offerAnswer = new SdpOfferAnswer(new SdpOfferAnswerOptions { Codecs = [.. _options.Codecs] }, sdpAddress, lease.Port);
        SdpSessionDescription local;
        NegotiatedMedia? media = null;
        if (call.Offer is { } offer)
        {
            var result = offerAnswer.Answer(offer.Text);
            if (!result.Success)
            {
                lease.Dispose();
                return SipAnswer.Reject(488, result.Reason ?? "Not Acceptable Here");
            }
            local = result.LocalDescription!;
            media = result.Media;
        }
        else
        {
            local = offerAnswer.CreateOffer();
        }

        var session = new MediaSession(_clock, lease, _options.Media, _time, _loggers.CreateLogger<MediaSession>(), Receiver);
        var record = new CallRecord { CallId = call.CallId, Caller = call.Caller, Called = call.Called, StartedAt = call.StartedAt };
        var ended = new CancellationTokenSource();
        var tcall = new TelephonyCall(call.CallId, call.Caller, call.Called, session, new SipCallSignalling(call), _clips, new DigitQueue(_time), ended);
        var active = new ActiveCall(call, tcall, offerAnswer, record, ended);
        if (!_calls.TryAdd(call.CallId, active))
        {
            await tcall.DisposeAsync().ConfigureAwait(false);
            return SipAnswer.Reject(482, "Loop Detected");
        }
        if (media is not null) StartMedia(active, media);

        if (_options.AnswerDelay > TimeSpan.Zero)
        {
            call.SendProvisional(180);
            try
            {
                await Task.Delay(_options.AnswerDelay, _time, cancelled).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // CANCEL: the user agent answers 487 and reports the end through OnTerminated.
                return SipAnswer.Reject(487, "Request Terminated");
            }
        }
        record.AnsweredAt = _time.GetUtcNow();
        return SipAnswer.Accept(new SipBody("application/sdp", System.Text.Encoding.ASCII.GetBytes(local.ToString())));
    }

    public void OnAck(SipCall call, SipBody? body)
    {
        if (!_calls.TryGetValue(call.CallId, out var active)) return;
        if (active.Call.Media.Media is null)
        {
            if (body is null || body.Content.IsEmpty)
            {
                LogNoAnswer(call.CallId);
                _ = call.HangupAsync();
                return;
            }
            var result = active.OfferAnswer.ApplyAnswer(body.Text);
            if (!result.Success || result.Media is null)
            {
                LogNoAnswer(call.CallId);
                _ = call.HangupAsync();
                return;
            }
            StartMedia(active, result.Media);
        }
        active.StartFlow(() => RunApplicationAsync(active));
    }

    public Task<SipAnswer> OnReinviteAsync(SipCall call, SipBody? offer, CancellationToken cancelled)
    {
        if (!_calls.TryGetValue(call.CallId, out var active))
            return Task.FromResult(SipAnswer.Reject(481, "Call/Transaction Does Not Exist"));
        if (offer is null)
            return Task.FromResult(SipAnswer.Accept(Sdp(active.OfferAnswer.CreateOffer())));
        var result = active.OfferAnswer.Answer(offer.Text);
        if (!result.Success || result.Media is null)
            return Task.FromResult(SipAnswer.Reject(488, result.Reason ?? "Not Acceptable Here"));
        active.Call.Media.Update(result.Media);
        return Task.FromResult(SipAnswer.Accept(Sdp(result.LocalDescription!)));
    }

    public void OnInfo(SipCall call, SipBody body)
    {
        if (!_calls.TryGetValue(call.CallId, out var active)) return;
        if (SipInfoDtmf.TryParse(body.ContentType, body.Content.Span, out char digit))
            active.Call.Digits.Post(digit, DtmfSource.SipInfo);
    }

    public void OnTerminated(SipCall call, SipCallEndReason reason)
    {
        if (!_calls.TryGetValue(call.CallId, out var active)) return;
        active.Record.EndReason = EndReasonText(reason);
        active.Record.EndedBy = reason switch
        {
            SipCallEndReason.RemoteBye or SipCallEndReason.Cancelled => "caller",
            SipCallEndReason.LocalBye or SipCallEndReason.Rejected => "server",
            _ => "system",
        };
        active.Ended.Cancel();
        _ = FinishAsync(active);
    }

    private void StartMedia(ActiveCall active, NegotiatedMedia media)
    {
        active.Call.Media.Start(media);
        active.Record.Codec = media.Codec.ToString().ToUpperInvariant();
        bool inBand = _options.InBandDtmf switch
        {
            "always" => true,
            "never" => false,
            _ => media.TelephoneEventPayloadType is null,
        };
        if (inBand) active.Call.EnableInBandDetection();
    }

    private async Task RunApplicationAsync(ActiveCall active)
    {
        try
        {
            // The call's own Ended token tells the application about hangups; this token would be the
            // server's shutdown, which does not exist separately yet.
            await _application.RunAsync(active.Call, active.Record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (active.Ended.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            active.Record.Failures.Add("application: " + ex.GetType().Name);
            LogApplicationFailed(active.Sip.CallId, ex);
        }
        if (!active.Ended.IsCancellationRequested)
        {
            try { await active.Sip.HangupAsync(CancellationToken.None).ConfigureAwait(false); }
            catch (Exception ex) { LogHangupFailed(active.Sip.CallId, ex.Message); }
        }
    }

    private async Task FinishAsync(ActiveCall active)
    {
        try { await active.FlowTask.ConfigureAwait(false); } catch (Exception) { /* logged in RunApplicationAsync */ }
        var stats = active.Call.Media.GetStatistics();
        await active.Call.DisposeAsync().ConfigureAwait(false);
        var r = active.Record;
        r.EndedAt = _time.GetUtcNow();
        foreach (var s in active.Call.Digits.SourcesSeen)
            r.DtmfMethods.Add(s switch { DtmfSource.Rfc4733 => "rfc4733", DtmfSource.SipInfo => "info", _ => "inband" });
        foreach (var latency in active.Call.SpeechLatencies)
            r.Events.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"speech-latency {latency.TotalMilliseconds:0} ms"));
        r.RtpPacketsSent = stats.PacketsSent;
        r.RtpPacketsReceived = stats.PacketsReceived;
        r.RtpPacketsLost = stats.PacketsLost;
        r.RtpJitterMs = stats.JitterMs;
        _calls.TryRemove(active.Sip.CallId, out _);
        try
        {
            await _records.SaveAsync(r, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogRecordFailed(active.Sip.CallId, ex.Message);
        }
    }

    private static SipBody Sdp(SdpSessionDescription d) => new("application/sdp", System.Text.Encoding.ASCII.GetBytes(d.ToString()));

    private static IPAddress AnyFor(IPAddress a) => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;

    private static string EndReasonText(SipCallEndReason reason) => reason switch
    {
        SipCallEndReason.RemoteBye => "caller-hangup",
        SipCallEndReason.LocalBye => "server-hangup",
        SipCallEndReason.Cancelled => "cancelled",
        SipCallEndReason.Rejected => "rejected",
        SipCallEndReason.AckTimeout => "ack-timeout",
        SipCallEndReason.MaxDuration => "max-duration",
        _ => "shutdown",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: no RTP port available ({Reason}); answering 503")]
    private partial void LogNoPorts(string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: late-offer ACK without a usable SDP answer; hanging up")]
    private partial void LogNoAnswer(string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: the call application failed")]
    private partial void LogApplicationFailed(string callId, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: hangup failed: {Reason}")]
    private partial void LogHangupFailed(string callId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: the call record could not be stored: {Reason}")]
    private partial void LogRecordFailed(string callId, string reason);
}
