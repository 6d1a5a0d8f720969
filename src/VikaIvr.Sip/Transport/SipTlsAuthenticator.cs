using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Admission;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// Turns a connected socket into a TLS stream (TLS 1.2 or 1.3): as the server with our certificate
/// and the client-certificate policy of a mutual-TLS trunk, as the client with the peer's chain
/// and name checked against the trusted CAs (or the system store). A refused peer certificate is a
/// security event with the transport source.
/// </summary>
internal sealed partial class SipTlsAuthenticator
{
    private const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
    private readonly SipTlsOptions _options;
    private readonly SslStreamCertificateContext _certificate;
    private readonly SipSecurityLog _security;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, string> _serverNames = new();

    public SipTlsAuthenticator(SipTlsOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _security = new SipSecurityLog(logger);
        _certificate = SslStreamCertificateContext.Create(options.Certificate, options.Intermediates, offline: true);
    }

    public X509Certificate2 Certificate => _options.Certificate;

    /// <summary>The name a server we connect to at <paramref name="address"/> must carry in its certificate (else its address).</summary>
    public void SetServerName(IPEndPoint address, string host) => _serverNames[address] = host;

    public async Task<Stream> AuthenticateAsync(Socket socket, bool inbound, IPEndPoint remote, CancellationToken ct)
    {
        var refusal = new string?[1];
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        try
        {
            if (inbound)
            {
                await ssl.AuthenticateAsServerAsync(ServerOptions(refusal), ct).ConfigureAwait(false);
            }
            else
            {
                await ssl.AuthenticateAsClientAsync(ClientOptions(remote, refusal), ct).ConfigureAwait(false);
            }

            return ssl;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            if (refusal[0] is { } reason && inbound)
            {
                _security.Event(SipSecurityLog.InviteRefused, remote, "TLS client certificate " + reason);
            }
            else
            {
                LogHandshakeFailed(remote, refusal[0] ?? ex.Message);
            }

            throw;
        }
    }

    private SslServerAuthenticationOptions ServerOptions(string?[] refusal) => new()
    {
        ServerCertificateContext = _certificate,
        EnabledSslProtocols = Protocols,
        ClientCertificateRequired = _options.ClientCertificates != SipClientCertificateMode.Off,
        CertificateChainPolicy = TrustPolicy(),
        RemoteCertificateValidationCallback = (_, certificate, _, errors) => CheckClient(certificate, errors, refusal),
    };

    private SslClientAuthenticationOptions ClientOptions(IPEndPoint remote, string?[] refusal) => new()
    {
        TargetHost = _serverNames.TryGetValue(remote, out var name) ? name : remote.Address.ToString(),
        EnabledSslProtocols = Protocols,
        ClientCertificateContext = _certificate,
        CertificateChainPolicy = TrustPolicy(),
        RemoteCertificateValidationCallback = (_, _, _, errors) => Check(errors == SslPolicyErrors.None, "server certificate " + errors, refusal),
    };

    private bool CheckClient(X509Certificate? certificate, SslPolicyErrors errors, string?[] refusal)
    {
        if (_options.ClientCertificates == SipClientCertificateMode.Off)
        {
            return true;
        }

        if (certificate is null)
        {
            return Check(_options.ClientCertificates == SipClientCertificateMode.Optional, "missing", refusal);
        }

        // A client certificate names a trunk, not our host: only its chain counts.
        return Check((errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None, "untrusted (" + errors + ")", refusal);
    }

    private static bool Check(bool ok, string reason, string?[] refusal)
    {
        if (!ok)
        {
            refusal[0] = reason;
        }

        return ok;
    }

    /// <summary>Chains end at the configured CAs when there are any; else the system store decides.</summary>
    private X509ChainPolicy? TrustPolicy()
    {
        if (_options.TrustedCa.Count == 0)
        {
            return null;
        }

        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(_options.TrustedCa);
        return policy;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip TLS handshake with {Remote} failed: {Reason}")]
    private partial void LogHandshakeFailed(IPEndPoint remote, string reason);
}
