using System.Net;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// Where a message came from or goes to. <see cref="ConnectionId"/> names the TCP or TLS connection a
/// request arrived on (0 for UDP or "any connection"), so responses reuse it (RFC 3261 18.2.2).
/// </summary>
public readonly record struct SipEndPoint(SipTransportProtocol Protocol, IPEndPoint Address, long ConnectionId = 0)
{
    public bool IsReliable => Protocol != SipTransportProtocol.Udp;

    /// <summary>The Via transport token.</summary>
    public string ViaTransport => Protocol switch
    {
        SipTransportProtocol.Tcp => "TCP",
        SipTransportProtocol.Tls => "TLS",
        _ => "UDP",
    };

    public override string ToString() => ViaTransport + ":" + Address;
}
