using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Media.Net;

/// <summary>The local address the kernel would use to reach a remote address (no packet is sent).</summary>
public static class LocalAddressFinder
{
    public static IPAddress Find(IPAddress remote)
    {
        if (IPAddress.IsLoopback(remote)) return remote;
        try
        {
            using var s = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            s.Connect(new IPEndPoint(remote, 9));
            return ((IPEndPoint)s.LocalEndPoint!).Address;
        }
        catch (SocketException)
        {
            return remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }
    }
}
