namespace VikaIvr.Sip.Transport;

public enum SipTransportProtocol
{
    Udp,
    Tcp,
    Tls,
}
