using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Media.Session;

/// <summary>How an RTP or RTCP socket is opened: UDP, dual-mode on IPv6Any, ICMP resets off on Windows.</summary>
internal static class RtpSockets
{
    private const int SioUdpConnReset = -1744830452;

    public static Socket Bind(IPAddress address, int port, int receiveBufferBytes)
        => Bind(address, new IPEndPoint(address, port), receiveBufferBytes);

    /// <summary>Opens a socket bound to <paramref name="endPoint"/> (an <see cref="RtpBindEndPoint"/> for a port of the allocator's).</summary>
    public static Socket Bind(IPAddress address, EndPoint endPoint, int receiveBufferBytes)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            if (OperatingSystem.IsWindows())
            {
                // Stop Windows turning ICMP port-unreachable into errors on later receives.
                socket.IOControl(SioUdpConnReset, [0, 0, 0, 0], null);
            }

            if (receiveBufferBytes > 0)
            {
                socket.ReceiveBufferSize = receiveBufferBytes;
            }

            socket.Bind(endPoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
