using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Auth;
using VikaIvr.Sip.Dialogs;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>
/// Keeps a trunk registration alive: REGISTER, answer one digest challenge per attempt
/// (RFC 7616, MD5 or SHA-256, qop=auth), refresh at the earlier of 80 % of the granted
/// lifetime and 30 s before expiry, retry after failures.
/// </summary>
public sealed class SipRegistrationClient
{
    private readonly SipTransactionLayer _layer;
    private readonly SipRegistrationOptions _options;
    private readonly ILogger _logger;
    private readonly SipDigestClient _digest;
    private readonly Lock _sync = new();
    private readonly SipTimer _refresh;
    private readonly string _callId = Guid.NewGuid().ToString("N");
    private readonly string _tag = SipUserAgent.NewTag();
    private uint _cseq;
    private SipEndPoint _registrar;
    private IPEndPoint? _local;
    private bool _stopped;

    public SipRegistrationClient(SipTransactionLayer layer, SipRegistrationOptions options, ILogger<SipRegistrationClient> logger)
    {
        _layer = layer;
        _options = options;
        _logger = logger;
        _digest = new SipDigestClient(new SipCredentials(options.AuthUser ?? options.User, options.Password));
        _refresh = new SipTimer(layer.Time, _sync, () => _ = RegisterAsync());
    }

    /// <summary>Set after each attempt: true while a registration is in force.</summary>
    public bool IsRegistered { get; private set; }

    /// <summary>Lifetime the registrar granted in the last 2xx.</summary>
    public int GrantedExpires { get; private set; }

    /// <summary>Resolves the registrar and sends the first REGISTER; refreshes run on their own after that.</summary>
    public async Task<bool> StartAsync(IPEndPoint? localOverride = null, CancellationToken ct = default)
    {
        var uri = SipUri.Parse(_options.RegistrarUri);
        var address = SipAddress.TryParseHost(uri.Host, out var ip) ? ip : (await Dns.GetHostAddressesAsync(uri.Host, ct).ConfigureAwait(false))[0];
        var protocol = ProtocolOf(uri, _options.UseTcp);
        _registrar = new SipEndPoint(protocol, new IPEndPoint(address, uri.Port ?? (protocol == SipTransportProtocol.Tls ? 5061 : 5060)));
        if (protocol == SipTransportProtocol.Tls && !SipAddress.TryParseHost(uri.Host, out _))
        {
            _layer.Transport.SetServerName(_registrar.Address, uri.Host);
        }

        _local = localOverride ?? _layer.Transport.GetLocalEndPoint(protocol);
        return await RegisterAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// TLS for a sips: registrar or ;transport=tls (RFC 3261 26.2: its connection is kept and reused
    /// for each refresh), TCP for ;transport=tcp or <see cref="SipRegistrationOptions.UseTcp"/>, else UDP.
    /// </summary>
    public static SipTransportProtocol ProtocolOf(SipUri registrar, bool useTcp)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var transport = registrar.Parameters.Get("transport");
        if (registrar.IsSecure || string.Equals(transport, "tls", StringComparison.OrdinalIgnoreCase))
        {
            return SipTransportProtocol.Tls;
        }

        return useTcp || string.Equals(transport, "tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
    }

    public void Stop()
    {
        lock (_sync)
        {
            _stopped = true;
            _refresh.Stop();
        }
    }

    private async Task<bool> RegisterAsync()
    {
        try
        {
            var response = await SendAsync(null).ConfigureAwait(false);
            if (response.StatusCode is 401 or 407 && SipDigestChallenge.SelectFrom(response) is { } challenge)
            {
                response = await SendAsync((response.StatusCode, challenge)).ConfigureAwait(false);
            }

            lock (_sync)
            {
                IsRegistered = response.StatusCode is >= 200 and < 300;
                if (_stopped)
                {
                    return IsRegistered;
                }

                if (IsRegistered)
                {
                    GrantedExpires = response.Contact?.Parameters.Get("expires") is { } e && int.TryParse(e, CultureInfo.InvariantCulture, out var v)
                        ? v : response.Expires ?? _options.Expires;
                    var refresh = Math.Max(1, Math.Min(GrantedExpires * 0.8, GrantedExpires - 30));
                    _refresh.Start(TimeSpan.FromSeconds(refresh));
                }
                else
                {
                    _logger.LogWarning("Sip registration refused: {Status} {Reason}", response.StatusCode, response.ReasonPhrase);
                    _refresh.Start(_options.RetryInterval);
                }
            }

            return IsRegistered;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Sip registration failed");
            lock (_sync)
            {
                if (!_stopped)
                {
                    _refresh.Start(_options.RetryInterval);
                }
            }

            return false;
        }
    }

    private Task<SipResponse> SendAsync((int Status, SipDigestChallenge Challenge)? auth)
    {
        lock (_sync)
        {
            var registrar = SipUri.Parse(_options.RegistrarUri).WithoutHeaders();
            var aor = new SipUri(registrar.Scheme, _options.User, registrar.Host, registrar.Port);
            var local = _local ?? new IPEndPoint(IPAddress.Loopback, 5060);
            var host = SipAddress.FormatHost(local.Address);
            var request = new SipRequest(SipMethods.Register, registrar);
            var h = request.Headers;
            h.Add(SipHeaderId.Via, SipVia.Create(_registrar.ViaTransport, host, local.Port, SipTransactionLayer.NewBranch()).ToString());
            h.Add(SipHeaderId.MaxForwards, "70");
            h.Add(SipHeaderId.From, "<" + aor + ">;tag=" + _tag);
            h.Add(SipHeaderId.To, "<" + aor + ">");
            h.Add(SipHeaderId.CallId, _callId);
            h.Add(SipHeaderId.CSeq, (++_cseq).ToString(CultureInfo.InvariantCulture) + " REGISTER");
            h.Add(SipHeaderId.Contact, "<" + SipDialog.ContactFor(_options.User, host, local.Port, _registrar) + ">");
            h.Add(SipHeaderId.Expires, _options.Expires.ToString(CultureInfo.InvariantCulture));
            if (auth is { } a)
            {
                h.Add(a.Status == 407 ? SipHeaderId.ProxyAuthorization : SipHeaderId.Authorization,
                    _digest.CreateAuthorization(a.Challenge, SipMethods.Register, registrar.ToString()));
            }

            return _layer.SendRequest(request, _registrar).Completion;
        }
    }
}
