using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>
/// The SIP user agent core: a UAS for calls to the service numbers, with refusals, dialogs,
/// OPTIONS keep-alive answers, and the UAC requests an IVR needs (BYE, REFER). Start it with
/// <see cref="Start"/>; everything runs under one gate, the application runs outside it.
/// </summary>
public sealed partial class SipUserAgent : ISipInboundHandler, IAsyncDisposable
{
    internal const string AllowedMethods = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, NOTIFY";

    private readonly ISipTransport _transport;
    private readonly ISipCallHandler _handler;
    private readonly SipUserAgentOptions _options;
    private readonly ILogger _logger;
    private readonly SipCidr[] _allowed;
    private readonly Dictionary<(string CallId, string LocalTag), SipCall> _calls = [];
    private readonly Dictionary<(string CallId, string FromTag, uint CSeq, string Method), SipServerTransaction> _recent = [];

    public SipUserAgent(ISipTransport transport, ISipCallHandler handler, SipUserAgentOptions options,
        SipTimerOptions timers, TimeProvider time, ILogger<SipUserAgent> logger)
    {
        _transport = transport;
        _handler = handler;
        _options = options;
        _logger = logger;
        Time = time;
        Transactions = new SipTransactionLayer(transport, timers, time);
        _allowed = [.. options.AllowedSources.Select(SipCidr.Parse)];
    }

    public SipTransactionLayer Transactions { get; }

    public TimeProvider Time { get; }

    /// <summary>Calls in progress.</summary>
    public int ActiveCalls
    {
        get
        {
            lock (Gate)
            {
                return _calls.Count;
            }
        }
    }

    internal object Gate => Transactions.Gate;

    internal ILogger Logger => _logger;

    /// <summary>Starts receiving: the transport's loops begin handing messages to this core.</summary>
    public void Start() => _transport.Start(this);

    public void OnMessage(SipMessage message, SipEndPoint source, IPEndPoint local)
    {
        lock (Gate)
        {
            if (message is SipResponse response)
            {
                if (!Transactions.HandleResponse(response))
                {
                    _logger.LogDebug("Sip stray response {Status} from {Source} dropped", response.StatusCode, source);
                }

                return;
            }

            var request = (SipRequest)message;
            if (Transactions.TryAbsorb(request))
            {
                return;
            }

            if (request.Method == SipMethods.Ack)
            {
                OnAck(request);
                return;
            }

            OnNewRequest(request, source, local);
        }
    }

    public void OnMalformed(SipParseError error, SipEndPoint source, IPEndPoint local)
    {
        _logger.LogInformation("Sip malformed message from {Source}: {Status} {Reason}", source, error.StatusCode, error.Reason);
        // RFC 4475: a malformed request still gets its 400/505 when its Via could be read (without
        // one a response has nowhere to go, and answering bare garbage only feeds scanners); the
        // response copies whatever From, To, Call-ID and CSeq lines it has, as written.
        if (error.PartialRequest is not { } request || request.Method == SipMethods.Ack || !request.Headers.Contains(SipHeaderId.Via))
        {
            return;
        }

        var reason = error.StatusCode == 400 ? "Bad Request - " + error.Reason : SipStatusCodes.GetReason(error.StatusCode);
        try
        {
            lock (Gate)
            {
                SendStateless(request, source, error.StatusCode, reason);
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            _logger.LogInformation("Sip malformed message from {Source} could not be answered: {Reason}", source, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<SipCall> calls;
        lock (Gate)
        {
            calls = [.. _calls.Values];
        }

        foreach (var call in calls)
        {
            try
            {
                await HangupAsync(call, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                EndCall(call, SipCallEndReason.Shutdown, sendBye: false);
            }
        }
    }

    internal static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>A response for a request, with our To tag and a Server header.</summary>
    internal SipResponse CreateResponse(SipRequest request, int status, string? reason = null, string? toTag = null)
    {
        var response = SipResponse.CreateFor(request, status, reason, status > 100 ? toTag ?? NewTag() : null);
        response.Headers.Add(SipHeaderId.Server, _options.UserAgentName);
        return response;
    }

    /// <summary>Answers without a transaction (malformed requests, ones that cannot key a transaction).</summary>
    private void SendStateless(SipRequest request, SipEndPoint source, int status, string? reason = null)
    {
        var response = CreateResponse(request, status, reason);
        SipResponseRouter.StampTopVia(response, source);
        _transport.Send(response, SipResponseRouter.Destination(request.TopVia, source));
    }

    private string LocalHost(IPEndPoint local) => _options.ContactHost ?? SipAddress.FormatHost(local.Address);

    private int LocalPort(SipEndPoint source, IPEndPoint local) =>
        _transport.GetLocalEndPoint(source.Protocol)?.Port is { } p and > 0 ? p : local.Port;
}
