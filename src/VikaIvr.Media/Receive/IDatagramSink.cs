using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Media.Receive;

/// <summary>Where the media receiver hands a registered socket's datagrams (on its thread: be quick, never block).</summary>
internal interface IDatagramSink
{
    /// <summary>One datagram; <paramref name="receivedAtNs"/> is the kernel's receive time (ns since the epoch) when the receiver asks for it, else 0.</summary>
    void OnDatagram(int channel, ReadOnlySpan<byte> datagram, SocketAddress from, long receivedAtNs);

    void OnReceiveError(int channel, SocketException error);
}
