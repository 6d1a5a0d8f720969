namespace VikaIvr.Sip.Transport;

/// <summary>Whether the TLS listener asks callers for a certificate (a mutual-TLS trunk).</summary>
public enum SipClientCertificateMode
{
    /// <summary>No certificate asked for.</summary>
    Off,

    /// <summary>Asked for; a caller without one is let in, one with an untrusted one is refused.</summary>
    Optional,

    /// <summary>Asked for; a caller without a trusted certificate is refused at the handshake.</summary>
    Required,
}
