using System.Net;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>Sends and receives SIP messages; the UA core and the transaction layer only know this.</summary>
public interface ISipTransport : IAsyncDisposable
{
    /// <summary>Starts the receive loops; messages go to <paramref name="handler"/>.</summary>
    void Start(ISipInboundHandler handler);

    /// <summary>Queues a message for sending. Never throws and never blocks on the network; false when it could not be queued.</summary>
    bool Send(SipMessage message, SipEndPoint destination);

    /// <summary>The bound address of a protocol (for Via sent-by and Contact), or null when not enabled.</summary>
    IPEndPoint? GetLocalEndPoint(SipTransportProtocol protocol);

    /// <summary>
    /// The host name a TLS server at <paramref name="address"/> must carry in its certificate (a
    /// registrar or trunk named by DNS); without one its address is checked.
    /// </summary>
    void SetServerName(IPEndPoint address, string host)
    {
    }
}
