using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Sip.Core.SessionTimers;
using VikaIvr.Sip.Dialogs;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>
/// The SIP user agent core, for both sides of a call: it keeps the transaction and dialog tables
/// (concurrent; no lock spans the stack), answers what belongs to no call (refusals, OPTIONS,
/// CANCEL, malformed requests), hands new calls to the application as <see cref="SipInviteSession"/>s
/// through <see cref="IncomingCalls"/>, and places calls with <see cref="Dial"/>. Each session
/// changes its own state under its own lock.
/// </summary>
public sealed partial class SipUserAgent : ISipInboundHandler, IAsyncDisposable
{
    internal const string AllowedMethods = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, NOTIFY, UPDATE";

    private readonly ISipTransport _transport;
    private readonly SipCidr[] _allowed;
    private readonly SipRestrictedNumbers _restricted;
    private readonly SipUserAgentDenyList _denied;
    private readonly string[] _supported;
    private readonly ConcurrentDictionary<(string CallId, string LocalTag), SipInviteSession> _sessions = new(SipSessionKeyComparer.Instance);
    private readonly SipMergeTable _merges = new();
    private int _incomingCalls;
    private LocalHostName? _localHost;
    // Synchronous continuations: a waiting reader (the call service's accept loop) takes the call on
    // the SIP dispatcher thread and answers it there, not after a hop through a busy thread pool.
    private readonly Channel<SipInviteSession> _incoming = Channel.CreateUnbounded<SipInviteSession>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = true, AllowSynchronousContinuations = true });

    public SipUserAgent(ISipTransport transport, SipUserAgentOptions options, SipTimerOptions timers, TimeProvider time, ILogger<SipUserAgent> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        Options = options;
        Log = new SipUserAgentLog(logger);
        Time = time;
        Transactions = new SipTransactionLayer(transport, timers, time)
        {
            Metrics = options.Metrics,
            TrustedProxies = [.. options.TrustedProxies.Select(SipCidr.Parse)],
        };
        _allowed = [.. options.AllowedSources.Select(SipCidr.Parse)];
        _restricted = new SipRestrictedNumbers(options.RestrictedNumbers);
        Admission = new SipAdmission(options.Admission, options.Readiness, time, logger);
        Security = new SipSecurityLog(logger);
        _denied = new SipUserAgentDenyList(options.DenyUserAgents);
        _supported = options.SessionTimers is null || options.SupportedOptionTags.Contains(SipSessionTimerNegotiation.OptionTag, StringComparer.OrdinalIgnoreCase)
            ? [.. options.SupportedOptionTags]
            : [.. options.SupportedOptionTags, SipSessionTimerNegotiation.OptionTag];
    }

    public SipTransactionLayer Transactions { get; }

    public TimeProvider Time { get; }

    /// <summary>
    /// New calls to a service number, one session each, waiting for the application's answer. A
    /// reader waiting here runs on the SIP dispatcher thread until its first await: it must not block.
    /// </summary>
    public ChannelReader<SipInviteSession> IncomingCalls => _incoming.Reader;

    /// <summary>Sessions in progress (both directions).</summary>
    public int ActiveCalls => _sessions.Count;

    /// <summary>Calls to us in progress (from the INVITE taken to the session's end): what Sip:MaxCalls limits.</summary>
    public int IncomingCallCount => Volatile.Read(ref _incomingCalls);

    /// <summary>The overload policy and the refusal summary (the application reports its own refusals there too).</summary>
    public SipAdmission Admission { get; }

    /// <summary>Where security events are written (fixed format, for fail2ban).</summary>
    internal SipSecurityLog Security { get; }

    internal SipUserAgentOptions Options { get; }

    internal SipUserAgentLog Log { get; }

    internal ISipTransport Transport => _transport;

    /// <summary>The Session-Expires values of our 2xx responses, kept while they repeat.</summary>
    internal SipSessionExpiresValues SessionExpiresValues { get; } = new();

    /// <summary>Our Contact values, kept while they repeat.</summary>
    internal SipContactHeaders ContactHeaders { get; } = new();

    /// <summary>Starts receiving: the transport's loops begin handing messages to this core.</summary>
    public void Start() => _transport.Start(this);

    /// <summary>Places a call: sends the INVITE and returns its session; follow it through <see cref="SipInviteSession.DialResult"/> and its events.</summary>
    public SipInviteSession Dial(SipDialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var local = _transport.GetLocalEndPoint(request.Destination.Protocol)
            ?? throw new InvalidOperationException("The transport has no " + request.Destination.ViaTransport + " listener.");
        var host = Options.ContactHost ?? SipAddress.FormatHost(local.Address);
        var tag = NewTag();
        var invite = new SipRequest(SipMethods.Invite, request.Target.WithoutHeaders());
        var h = invite.Headers;
        h.Add(SipHeaderId.Via, SipVia.Create(request.Destination.ViaTransport, host, local.Port, SipTransactionLayer.NewBranch()).ToString());
        h.Add(SipHeaderId.MaxForwards, "70");
        h.Add(SipHeaderId.From, "<sip:" + request.FromUser + "@" + host + ">;tag=" + tag);
        h.Add(SipHeaderId.To, "<" + new SipUri(request.Target.Scheme, request.Target.User, request.Target.Host, request.Target.Port) + ">");
        h.Add(SipHeaderId.CallId, Guid.NewGuid().ToString("N") + "@" + host);
        h.Add(SipHeaderId.CSeq, Random.Shared.Next(1, 10000).ToString(CultureInfo.InvariantCulture) + " INVITE");
        h.Add(SipHeaderId.Contact, "<" + SipDialog.ContactFor(request.FromUser, host, local.Port, request.Destination) + ">");
        h.Add(SipHeaderId.Allow, "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, NOTIFY, REFER");
        if (Options.UserAgentName.Length > 0)
        {
            h.Add(SipHeaderId.UserAgent, Options.UserAgentName);
        }

        if (request.Offer is { } sdp)
        {
            invite.SetBody(Encoding.UTF8.GetBytes(sdp), "application/sdp");
        }

        var dialog = SipDialog.ForOutgoing(invite, request.Target, request.Destination, host, local.Port);
        var session = SipInviteSession.ForOutgoing(this, new Lock(), request, invite, dialog);
        _sessions[(dialog.CallId, tag)] = session;
        Log.Dialing(request.Target.ToString(), request.Destination);
        session.Start();
        return session;
    }

    public void OnMessage(SipMessage message, SipEndPoint source, IPEndPoint local)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is SipResponse response)
        {
            if (!Transactions.HandleResponse(response))
            {
                OnStrayResponse(response, source);
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
            FindSession(request)?.OnAck(request);
            return;
        }

        OnNewRequest(request, source, local);
    }

    public void OnMalformed(SipParseError error, SipEndPoint source, IPEndPoint local)
    {
        ArgumentNullException.ThrowIfNull(error);
        // One line per malformed datagram would let garbage flood the log: Debug each, Warning in the summary.
        Log.Malformed(source, error.StatusCode, error.Reason);
        Admission.Refusals.Record(SipRefusalReason.Malformed, source.Address.Address);
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
            SendStateless(request, source, error.StatusCode, reason);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            Log.MalformedUnanswerable(source, ex.Message);
        }
    }

    /// <summary>Ends every session (BYE for answered calls, 503 for ringing ones, CANCEL for ours) and waits briefly for the BYEs' answers.</summary>
    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        var byes = new List<Task>();
        foreach (var session in _sessions.Values)
        {
            if (session.Shutdown() is { } bye)
            {
                byes.Add(bye.Completion);
            }
        }

        try
        {
            await Task.WhenAll(byes).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Peers that do not answer a BYE are not waited for longer.
        }

        Admission.Dispose();
    }

    internal static string NewTag()
    {
        // The random bytes on the stack: the tag string is the only allocation (one per call and response).
        Span<byte> random = stackalloc byte[6];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }

    /// <summary>A response for a request, with our To tag, and a Server header only when one is configured.</summary>
    internal SipResponse CreateResponse(SipRequest request, int status, string? reason = null, string? toTag = null)
    {
        var response = SipResponse.CreateFor(request, status, reason, status > 100 ? toTag ?? NewTag() : null);
        if (Options.ServerHeader.Length > 0)
        {
            response.Headers.Add(SipHeaderId.Server, Options.ServerHeader);
        }

        return response;
    }

    /// <summary>RFC 4028 6: 422 with our Min-SE for a Session-Expires below it.</summary>
    internal SipResponse CreateIntervalTooSmall(SipRequest request, int minSe, string? toTag = null)
    {
        var response = CreateResponse(request, 422, "Session Interval Too Small", toTag);
        response.Headers.Add(SipHeaderId.MinSE, minSe.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>A session ended: it leaves the dialog table.</summary>
    internal void Forget(SipInviteSession session)
    {
        if (_sessions.TryRemove(KeyValuePair.Create((session.CallId, session.Dialog.LocalTag), session)) && session.IsIncoming)
        {
            Interlocked.Decrement(ref _incomingCalls);
        }
    }

    private void OnStrayResponse(SipResponse response, SipEndPoint source)
    {
        if (response.IsSuccess && response.CSeq?.Method == SipMethods.Invite && response.CallId is { } callId
            && response.FromTag is { } tag && _sessions.TryGetValue((callId, tag), out var session))
        {
            session.OnStray2xx();
            return;
        }

        Log.StrayResponse(response.StatusCode, source);
    }

    /// <summary>Answers without a transaction (malformed requests, ones that cannot key a transaction).</summary>
    private void SendStateless(SipRequest request, SipEndPoint source, int status, string? reason = null) =>
        SendStateless(CreateResponse(request, status, reason), request, source);

    /// <summary>Sends <paramref name="response"/> to <paramref name="request"/> without a transaction (to the source, never a maddr of an untrusted one).</summary>
    private void SendStateless(SipResponse response, SipRequest request, SipEndPoint source)
    {
        SipResponseRouter.StampTopVia(response, source);
        _transport.Send(response, Transactions.ResponseDestination(request.TopVia, source));
        if (request.Method == SipMethods.Invite)
        {
            Options.Metrics?.InviteResponse(response.StatusCode);
        }
    }

    [SkipLocalsInit]
    private SipInviteSession? FindSession(SipRequest request)
    {
        // A received request's ids are read into chars on the stack: the lookup makes no Call-ID or tag string.
        Span<char> buffer = stackalloc char[SipMessage.DialogIdsChars];
        if (request.TryReadDialogIds(buffer, out var ids))
        {
            return !ids.ToTag.IsEmpty && _sessions.GetAlternateLookup<SipDialogIds>().TryGetValue(ids, out var found)
                && found.Dialog.Matches(ids) ? found : null;
        }

        if (request.CallId is not { } callId || request.ToTag is not { } tag)
        {
            return null;
        }

        return _sessions.TryGetValue((callId, tag), out var session) && session.Dialog.Matches(request) ? session : null;
    }

    private string LocalHost(IPEndPoint local)
    {
        if (Options.ContactHost is { } configured)
        {
            return configured;
        }

        // The address's text, kept while it repeats (one listener): not written once a call.
        var last = Volatile.Read(ref _localHost);
        if (last is not null && last.Address.Equals(local.Address))
        {
            return last.Host;
        }

        var made = new LocalHostName(local.Address, SipAddress.FormatHost(local.Address));
        Volatile.Write(ref _localHost, made);
        return made.Host;
    }

    private int LocalPort(SipEndPoint source, IPEndPoint local) =>
        _transport.GetLocalEndPoint(source.Protocol)?.Port is { } p and > 0 ? p : local.Port;

    private sealed record LocalHostName(IPAddress Address, string Host);
}
