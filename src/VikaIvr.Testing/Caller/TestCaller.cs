using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Net;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;
using VikaIvr.Media.Srtp;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Testing.Caller;

/// <summary>
/// The built-in test caller: dials a SIP URI from its own transport on a free local port, offers
/// one G.711 codec with telephone-event, hears and keeps what the server plays, sends keys
/// (RFC 4733, SIP INFO or in-band tones), answers REFER and hangs up.
/// </summary>
public sealed partial class TestCaller : IAsyncDisposable
{
    private readonly TestCallerOptions _options;
    private readonly ILogger _logger;
    private readonly TestCallerStack _stack;
    private readonly bool _ownsStack;
    private readonly List<SipOutgoingEvent> _history = [];
    private readonly SemaphoreSlim _changed = new(0);
    private MediaSession? _media;
    private Task _pump = Task.CompletedTask;

    private TestCaller(TestCallerOptions options, TestCallerStack stack, bool ownsStack, ILogger logger)
    {
        _options = options;
        _stack = stack;
        _ownsStack = ownsStack;
        _logger = logger;
    }

    /// <summary>Our invite session (the calling side), the same session class the server answers with.</summary>
    public SipInviteSession Call { get; private set; } = null!;

    /// <summary>How the call ended: "remote-bye", "local-bye", "rejected 486", "cancelled"... or null while it lasts.</summary>
    public string? EndReason => Call?.EndedWith?.ToString();

    /// <summary>Everything the server sent us, decoded.</summary>
    public ReceivedAudio Received { get; } = new();

    /// <summary>The media session once answered (null when the call failed).</summary>
    public MediaSession? Media => _media;

    public NegotiatedMedia? Negotiated { get; private set; }

    /// <summary>The final response to the INVITE.</summary>
    public SipResponse? FinalResponse { get; private set; }

    public bool IsEstablished => FinalResponse?.IsSuccess == true;

    public CancellationToken Ended => Call.Ended;

    /// <summary>A copy of the SIP events so far, in order.</summary>
    public IReadOnlyList<SipOutgoingEvent> History
    {
        get
        {
            lock (_history)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>
    /// Dials <paramref name="target"/> (sip:165@HOST:PORT[;transport=tcp]) and waits for the final
    /// answer. Check <see cref="IsEstablished"/>: a refusal is a result, not an exception.
    /// </summary>
    public static async Task<TestCaller> DialAsync(string target, TestCallerOptions options, ILoggerFactory? loggers = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggers ??= NullLoggerFactory.Instance;
        if (!SipUri.TryParse(target, out var uri) || !uri.IsSip)
        {
            throw new ArgumentException($"not a sip: URI: {target}", nameof(target));
        }

        var remote = await ResolveAsync(uri, ct).ConfigureAwait(false);
        var local = LocalAddressFinder.Find(remote.Address);
        var stack = TestCallerStack.Start(local, new TestCallerStackOptions { RtpPortMin = options.RtpPortMin, RtpPortMax = options.RtpPortMax }, loggers);
        return await DialAsync(stack, ownsStack: true, uri, remote, options, loggers, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Dials <paramref name="target"/> through a <paramref name="stack"/> shared with other calls
    /// (the load tester); disposing the caller leaves the stack running.
    /// </summary>
    public static async Task<TestCaller> DialAsync(TestCallerStack stack, string target, TestCallerOptions options, ILoggerFactory? loggers = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(options);
        loggers ??= NullLoggerFactory.Instance;
        if (!SipUri.TryParse(target, out var uri) || !uri.IsSip)
        {
            throw new ArgumentException($"not a sip: URI: {target}", nameof(target));
        }

        var remote = await ResolveAsync(uri, ct).ConfigureAwait(false);
        return await DialAsync(stack, ownsStack: false, uri, remote, options, loggers, ct).ConfigureAwait(false);
    }

    private static async Task<TestCaller> DialAsync(TestCallerStack stack, bool ownsStack, SipUri uri, IPEndPoint remote, TestCallerOptions options,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var tcp = string.Equals(uri.Parameters.Get("transport"), "tcp", StringComparison.OrdinalIgnoreCase);
        var caller = new TestCaller(options, stack, ownsStack, loggers.CreateLogger<TestCaller>());
        try
        {
            await caller.StartCallAsync(uri, new SipEndPoint(tcp ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp, remote), stack.Local, loggers, ct).ConfigureAwait(false);
            return caller;
        }
        catch
        {
            await caller.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until an event matching <paramref name="match"/> is in the history at index ≥ <paramref name="from"/>; its index, or -1 on timeout.</summary>
    public async Task<int> WaitForEventAsync(Func<SipOutgoingEvent, bool> match, int from, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var history = History;
            for (var i = from; i < history.Count; i++)
            {
                if (match(history[i]))
                {
                    return i;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || (Call.Ended.IsCancellationRequested && _pump.IsCompleted))
            {
                return -1;
            }

            await _changed.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Hangs up (BYE, or CANCEL while ringing); harmless when the call is already over.</summary>
    public async Task HangupAsync(CancellationToken ct = default)
    {
        if (Call is null || Call.State == SipCallState.Ended)
        {
            return;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await Call.HangupAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _logger.LogInformation("No answer to our BYE within 5 s");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_media is not null)
        {
            await _media.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsStack)
        {
            await _stack.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The event pump ends with the call; a call that never ended leaves nothing behind.
        }
    }

    private static async Task<IPEndPoint> ResolveAsync(SipUri uri, CancellationToken ct)
    {
        var host = uri.Host.Trim('[', ']');
        var address = IPAddress.TryParse(host, out var ip) ? ip : (await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false))[0];
        return new IPEndPoint(address, uri.Port ?? 5060);
    }

    private async Task StartCallAsync(SipUri target, SipEndPoint destination, IPAddress local, ILoggerFactory loggers, CancellationToken ct)
    {
        // On a shared port our SSRC, announced in the offer, is what tells this call's packets apart.
        var lease = _stack.Shared?.Lease() ?? _stack.Ports.Allocate(local);
        uint ssrc = MediaSession.NewSsrc();
        var offerAnswer = new SdpOfferAnswer(new SdpOfferAnswerOptions
        {
            Codecs = [_options.Codec],
            Srtp = _options.Srtp ? SrtpMode.Required : SrtpMode.Off,
            OriginUsername = "vika-caller",
            SessionName = "VikaIvr test caller",
        }, local, lease.Port)
        {
            LocalSsrc = lease.IsShared ? ssrc : 0,
            LocalCname = "vika-caller",
        };
        var offer = offerAnswer.CreateOffer().ToString();
        var media = new MediaSession(_stack.Clock, lease, new MediaSessionOptions
        {
            ComfortSilence = _options.SendSilence,
            DtmfDuration = _options.DtmfDuration,
            DtmfGap = _options.DtmfGap,
            Cname = "vika-caller",
        }, TimeProvider.System, loggers.CreateLogger<MediaSession>(), _stack.Receiver, ssrc)
        {
            PacketListener = _options.PacketListener,
        };
        _media = media;
        if (_options.KeepAudio)
        {
            media.AddAudioListener(Received);
        }

        var user = _options.CalledUser ?? target.User;
        var requestUri = new SipUri(target.Scheme, user, target.Host, target.Port);
        var dial = new SipDialRequest(requestUri, destination, _options.FromUser, offer) { ReferOutcome = _options.ReferOutcome };
        Call = _stack.Agent.Dial(dial);
        for (int retry = 0; retry < 20 && Call.DialResult.IsCompleted && Call.DialResult.Result.StatusCode == 503 && destination.IsReliable; retry++)
        {
            // The transport's TCP side starts on the thread pool just after Start(): until then it refuses to send.
            await Task.Delay(50, ct).ConfigureAwait(false);
            Call = _stack.Agent.Dial(dial);
        }

        _pump = PumpEventsAsync(Call);
        var final = await Call.DialResult.WaitAsync(_options.AnswerTimeout, ct).ConfigureAwait(false);
        FinalResponse = final;
        if (!final.IsSuccess)
        {
            return;
        }

        var negotiated = Call.RemoteBody is { } sdp ? offerAnswer.ApplyAnswer(sdp.Text) : null;
        if (negotiated is null || !negotiated.Success)
        {
            _logger.LogWarning("The answer's SDP is unusable: {Reason}", negotiated?.Reason ?? "no SDP in the 2xx");
            await HangupAsync(ct).ConfigureAwait(false);
            return;
        }

        Negotiated = negotiated.Media;
        try
        {
            media.Start(negotiated.Media);
        }
        catch (InvalidOperationException ex)
        {
            // On our shared port: the answer's media cannot be told apart from another call's (no a=ssrc in it).
            _logger.LogWarning("{Reason}", ex.Message);
            await HangupAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task PumpEventsAsync(SipInviteSession call)
    {
        await foreach (var ev in call.Events.ReadAllAsync().ConfigureAwait(false))
        {
            lock (_history)
            {
                _history.Add(ev);
            }

            try
            {
                _options.OnEvent?.Invoke(ev);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Test caller event callback failed");
            }

            _changed.Release();
        }

        _changed.Release();
    }
}
