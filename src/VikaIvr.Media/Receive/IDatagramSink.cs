using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Media.Receive;

/// <summary>Where the media receiver hands a registered socket's datagrams (on its thread: be quick, never block).</summary>
internal interface IDatagramSink
{
    void OnDatagram(int channel, ReadOnlySpan<byte> datagram, SocketAddress from);

    void OnReceiveError(int channel, SocketException error);
}
