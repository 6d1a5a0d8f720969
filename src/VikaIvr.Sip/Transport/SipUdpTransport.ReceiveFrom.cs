using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// A socket bound to one address: its datagrams' local address is that one, so the receive loop
/// reads with <see cref="Socket.ReceiveFrom(Span{byte}, SocketFlags, SocketAddress)"/>,
/// which allocates nothing per datagram (no end point, no packet information),
/// and keeps the sender's end point while the next datagram comes from the same address.
/// </summary>
internal sealed partial class SipUdpTransport
{
    // Written by each receive; the sender of the last end point made, and that end point.
    private readonly SocketAddress _received;
    private readonly SocketAddress _sender;
    private IPEndPoint? _senderEndPoint;

    /// <summary>The end point of the datagram just received into <see cref="_received"/> (the last one when it is the same sender).</summary>
    private IPEndPoint Sender(IPEndPoint bound)
    {
        if (_senderEndPoint is null || !_received.Equals(_sender))
        {
            _senderEndPoint = SipAddress.Normalize((IPEndPoint)bound.Create(_received));
            _received.Buffer.Span[.._received.Size].CopyTo(_sender.Buffer.Span);
            _sender.Size = _received.Size;
        }

        return _senderEndPoint;
    }
}
