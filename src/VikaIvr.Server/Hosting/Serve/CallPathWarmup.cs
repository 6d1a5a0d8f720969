using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Session;
using VikaIvr.Media.Shared;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;
using VikaIvr.Telephony.Calls;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// One call through the whole call path on loopback before the server listens: a throwaway SIP
/// stack and call service (own ports, no log, no record, no metrics) answers a test caller, plays
/// a moment of silence and hangs up. The server runs ReadyToRun without tiered compilation, and
/// what the image lacks (generic instantiations over our types, mostly) is compiled at full
/// optimisation on first use: on a fresh server the first INVITE took 80-200 ms (SIP parse ~40 ms,
/// user agent and transaction ~90 ms, answer and media ~60 ms, about 120 methods), and as SIP
/// dispatch and the call service's accept loop are sequential, every call arriving meanwhile
/// waited behind it. Compiled code is the process's, so the real calls find it done.
/// </summary>
internal static partial class CallPathWarmup
{
    private const string Number = "warmup";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>Places the call; never throws (a failed warm-up only means slower first calls).</summary>
    public static async Task RunAsync(SipCallStackParts parts, ILogger log, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Limit);
        try
        {
            await CallAsync(parts, limit.Token).ConfigureAwait(false);
            LogWarmed(log);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !ct.IsCancellationRequested)
        {
            LogFailed(log, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static async Task CallAsync(SipCallStackParts parts, CancellationToken ct)
    {
        var quiet = NullLoggerFactory.Instance;
        var settings = parts.Settings;
        var (rtpLow, rtpHigh) = RtpPortRange.Parse(settings.Media.RtpPorts);
        var transport = new SipTransport(new SipTransportOptions { BindAddress = IPAddress.Loopback.ToString(), Port = 0 }, parts.Time, quiet.CreateLogger<SipTransport>());
        await using var transportScope = transport.ConfigureAwait(false);
        var agent = new SipUserAgent(transport, new SipUserAgentOptions { ServiceNumbers = [Number] }, new SipTimerOptions(), parts.Time, quiet.CreateLogger<SipUserAgent>());
        await using var agentScope = agent.ConfigureAwait(false);
        var telephony = parts.Telephony;
        var options = new TelephonyOptions { Codecs = telephony.Codecs, InBandDtmf = telephony.InBandDtmf, Srtp = telephony.Srtp, Media = telephony.Media };
        // The shared RTP port's path too when the server answers there (its port is still free: the server does not listen yet).
        using var shared = settings.Media.SharedRtpPort > 0 && parts.Receiver is { } receiver
            ? new SharedRtpPort(IPAddress.Loopback, settings.Media.SharedRtpPort, receiver)
            : null;
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = rtpLow, MaxPort = rtpHigh });
        var calls = new CallService(agent, options, parts.MediaClock, ports, parts.Clips, new SilenceApplication(), new NoRecords(), parts.Time, quiet)
        {
            Receiver = parts.Receiver,
            SharedPort = shared,
        };
        await using var callsScope = calls.ConfigureAwait(false);
        agent.Start();
        calls.Start();

        var port = transport.GetLocalEndPoint(SipTransportProtocol.Udp)!.Port;
        var callerOptions = new TestCallerOptions
        {
            Codec = telephony.Codecs.Count > 0 ? telephony.Codecs[0] : Media.Rtp.RtpAudioCodec.Pcmu,
            Srtp = telephony.Srtp == Media.Srtp.SrtpMode.Required,
            KeepAudio = false,
            RtpPortMin = rtpLow,
            RtpPortMax = rtpHigh,
            AnswerTimeout = Limit,
        };
        var callerStack = TestCallerStack.Start(IPAddress.Loopback, new TestCallerStackOptions { RtpPortMin = rtpLow, RtpPortMax = rtpHigh }, quiet);
        await using var callerScope = callerStack.ConfigureAwait(false);
        var caller = await TestCaller.DialAsync(callerStack, $"sip:{Number}@127.0.0.1:{port}", callerOptions, quiet, ct).ConfigureAwait(false);
        await using (caller.ConfigureAwait(false))
        {
            if (!caller.IsEstablished)
            {
                throw new InvalidOperationException("the warm-up call was answered " + caller.FinalResponse?.StatusCode);
            }

            // The application hangs up once its silence is played: the BYE path too.
            var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (caller.Ended.Register(() => ended.TrySetResult()))
            {
                await ended.Task.WaitAsync(ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Plays 60 ms of silence (the first RTP's path) and returns: the call service hangs up.</summary>
    private sealed class SilenceApplication : ICallApplication
    {
        private static readonly AudioClip Silence = new("warmup", AudioClipKind.Tone, new short[480]);

        public Task RunAsync(ICall call, CallRecord record, CancellationToken ct) => call.PlayAsync(Silence, bargeIn: false, ct);
    }

    /// <summary>The warm-up call leaves no record.</summary>
    private sealed class NoRecords : ICallRecordStore
    {
        public Task OpenAsync(CallRecord record, CancellationToken ct) => Task.CompletedTask;

        public Task SaveAsync(CallRecord record, CancellationToken ct) => Task.CompletedTask;

        public Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct) => Task.FromResult<IReadOnlyList<CallRecord>>([]);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Call path warmed by one loopback call")]
    private static partial void LogWarmed(ILogger log);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "The warm-up call failed ({Reason}); the first calls compile the call path themselves")]
    private static partial void LogFailed(ILogger log, string reason);
}
