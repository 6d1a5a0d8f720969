using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Session;
using VikaIvr.Media.Shared;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;
using VikaIvr.Telephony.Calls;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// The SIP side of `serve`, built in this one place: the UDP+TCP transport, the user agent core,
/// the call service that answers each session with its media and its flow, and the trunk registration.
/// <see cref="HangupAllAsync"/> is the one way it stops taking part in calls.
/// </summary>
public sealed class SipCallStack : IAsyncDisposable
{
    private readonly SipTransport _transport;
    private readonly SipUserAgent _agent;
    private readonly CallService _calls;
    private readonly SipRegistrationClient? _registration;
    private readonly SharedRtpPort? _sharedPort;
    private readonly CancellationTokenSource _stopping = new();

    private SipCallStack(SipTransport transport, SipUserAgent agent, CallService calls, SipRegistrationClient? registration, SharedRtpPort? sharedPort)
    {
        _sharedPort = sharedPort;
        _transport = transport;
        _agent = agent;
        _calls = calls;
        _registration = registration;
    }

    /// <summary>Calls in progress.</summary>
    public int ActiveCalls => _calls.ActiveCalls;

    /// <summary>Binds the SIP port and starts answering; <see cref="ServeStartException"/> when the port cannot be had.</summary>
    public static SipCallStack Start(SipCallStackParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var settings = parts.Settings;
        var (rtpLow, rtpHigh) = RtpPortRange.Parse(settings.Media.RtpPorts);
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = rtpLow, MaxPort = rtpHigh });
        var bind = TelephonySettings.SpecificAddress(settings.Sip.Bind);
        string cannotListen = $"vika serve: cannot listen on {settings.Sip.Bind}:{settings.Sip.Port}"
            + (SipTlsLoader.IsEnabled(settings.Sip.Tls) ? $" (TLS {settings.Sip.Tls.Port})" : "") + ": ";
        SipTransport transport;
        try
        {
            transport = new SipTransport(new SipTransportOptions
            {
                BindAddress = bind?.ToString(),
                Port = settings.Sip.Port,
                MaxHeaders = settings.Sip.MaxHeaders,
                MaxTcpConnectionsPerSource = settings.Sip.MaxTcpConnectionsPerSource,
                TcpFirstMessageTimeout = TimeSpan.FromSeconds(settings.Sip.TcpFirstMessageSeconds),
                TcpCallIdleTimeout = TimeSpan.FromSeconds(settings.Sip.MaxCallDurationSeconds + 60),
                Tls = SipTlsLoader.Load(settings.Sip.Tls, settings.Resolve),
            }, parts.Time, parts.Loggers.CreateLogger<SipTransport>());
        }
        catch (SocketException ex)
        {
            throw new ServeStartException(cannotListen + ex.Message);
        }

        var uaOptions = new SipUserAgentOptions
        {
            ServiceNumbers = [.. parts.ServiceNumbers],
            AllowedSources = settings.Sip.AllowFrom,
            RestrictedNumbers = Operator.OperatorLineSources.Restrictions(settings.Operator),
            ServerHeader = settings.Sip.ServerHeader,
            UserAgentName = settings.Sip.ServerHeader,
            TrustedProxies = settings.Sip.TrustedProxies,
            DenyUserAgents = settings.Sip.DenyUserAgents.Count > 0 ? settings.Sip.DenyUserAgents : [.. SipUserAgentOptions.DefaultDenyUserAgents],
            MaxCallDuration = settings.Sip.MaxCallDurationSeconds > 0 ? TimeSpan.FromSeconds(settings.Sip.MaxCallDurationSeconds) : null,
            SessionTimers = new Sip.Core.SessionTimers.SipSessionTimerOptions
            {
                SessionExpires = TimeSpan.FromSeconds(settings.Sip.SessionExpiresSeconds),
                MinSessionExpires = TimeSpan.FromSeconds(settings.Sip.MinSessionExpiresSeconds),
            },
            ContactHost = string.IsNullOrEmpty(settings.Media.PublicAddress) ? null : settings.Media.PublicAddress,
            InviteAuthentication = settings.Sip.ChallengeInvites
                ? new Sip.Auth.SipDigestServer(settings.Sip.AuthRealm,
                    user => settings.Sip.InviteCredentials.TryGetValue(user, out var password) ? password : null, parts.Time)
                : null,
            Admission = new SipAdmissionOptions
            {
                // 0: what the RTP range carries (each call takes an even RTP port and the RTCP port above it).
                MaxCalls = settings.Sip.MaxCalls > 0 ? settings.Sip.MaxCalls : ports.Capacity,
                MaxCallsPerSecond = settings.Sip.MaxCallsPerSecond,
                MaxRequestsPerSourcePerSecond = settings.Sip.MaxCallsPerSourcePerSecond,
                SourceBan = TimeSpan.FromSeconds(settings.Sip.SourceBanSeconds),
                RetryAfter = TimeSpan.FromSeconds(settings.Sip.RetryAfterSeconds),
                Metrics = parts.RefusalMetrics,
            },
            Readiness = parts.Readiness,
            Metrics = parts.SipMetrics,
        };
        var agent = new SipUserAgent(transport, uaOptions, new SipTimerOptions(), parts.Time, parts.Loggers.CreateLogger<SipUserAgent>());
        SharedRtpPort? sharedPort;
        try
        {
            sharedPort = OpenSharedPort(settings.Media.SharedRtpPort, bind, parts.Receiver);
        }
        catch
        {
            transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        if (sharedPort is not null && parts.Meters is { } meters)
        {
            _ = new SharedRtpPortMetrics(meters, sharedPort);
        }

        var calls = new CallService(agent, parts.Telephony, parts.MediaClock, ports, parts.Clips, parts.Application, parts.Records, parts.Time, parts.Loggers)
        {
            Receiver = parts.Receiver,
            Metrics = parts.CallMetrics,
            SharedPort = sharedPort,
        };
        try
        {
            agent.Start();
            calls.Start();
        }
        catch (SocketException ex)
        {
            transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new ServeStartException(cannotListen + ex.Message);
        }

        SipRegistrationClient? registration = null;
        if (!string.IsNullOrEmpty(settings.Trunk.Registrar))
        {
            registration = new SipRegistrationClient(agent.Transactions, new SipRegistrationOptions
            {
                RegistrarUri = settings.Trunk.Registrar,
                User = settings.Trunk.User,
                Password = settings.Trunk.Password,
                Expires = settings.Trunk.ExpiresSeconds,
            }, parts.Loggers.CreateLogger<SipRegistrationClient>());
        }

        var stack = new SipCallStack(transport, agent, calls, registration, sharedPort);
        if (registration is not null)
        {
            _ = registration.StartAsync(ct: stack._stopping.Token);
        }

        return stack;
    }

    /// <summary>
    /// The drain: new calls get 503 with Retry-After, the calls in progress may end by themselves
    /// until <paramref name="within"/> passes or <paramref name="cut"/> fires, then the rest get BYE;
    /// returns once every record is handed to the store.
    /// </summary>
    public Task<CallDrainResult> DrainAsync(TimeSpan within, CancellationToken cut, CancellationToken ct) => _calls.DrainAsync(within, cut, ct);

    /// <summary>
    /// Refuses new calls, ends every call in progress with a BYE and returns once each call has
    /// finished (its media stopped and its record handed to the record store).
    /// </summary>
    public async Task HangupAllAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _registration?.Stop();
        await _calls.HangupAllAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _calls.DisposeAsync().ConfigureAwait(false);
        await _agent.DisposeAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        _sharedPort?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Media:SharedRtpPort's socket pair (on Sip:Bind's address, else every address), or null when it is 0.</summary>
    private static SharedRtpPort? OpenSharedPort(int port, System.Net.IPAddress? bind, MediaReceiver? receiver)
    {
        if (port == 0)
        {
            return null;
        }

        if (receiver is null)
        {
            throw new ServeStartException("vika serve: Media:SharedRtpPort needs the Linux media receiver (epoll, recvmmsg); set it to 0 here");
        }

        try
        {
            return new SharedRtpPort(bind ?? System.Net.IPAddress.IPv6Any, port, receiver);
        }
        catch (SocketException ex)
        {
            throw new ServeStartException($"vika serve: cannot bind Media:SharedRtpPort {port}-{port + 1}: {ex.Message}");
        }
    }
}
