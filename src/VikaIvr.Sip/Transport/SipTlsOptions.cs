using System.Security.Cryptography.X509Certificates;

namespace VikaIvr.Sip.Transport;

/// <summary>SIP over TLS (RFC 3261 26, RFC 5630): the listener's certificate and how peers' certificates are checked.</summary>
public sealed class SipTlsOptions
{
    /// <summary>The TLS listener's port on the same bind address; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 5061;

    /// <summary>The server certificate with its private key.</summary>
    public required X509Certificate2 Certificate { get; set; }

    /// <summary>Intermediate CA certificates sent with <see cref="Certificate"/> in the handshake.</summary>
    public X509Certificate2Collection Intermediates { get; set; } = [];

    public SipClientCertificateMode ClientCertificates { get; set; } = SipClientCertificateMode.Off;

    /// <summary>
    /// The CAs that client certificates, and the servers we connect to, must chain to; empty: the
    /// system's trust store.
    /// </summary>
    public X509Certificate2Collection TrustedCa { get; set; } = [];
}
