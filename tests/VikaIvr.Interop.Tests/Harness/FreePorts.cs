using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// Finds loopback ports nobody holds right now. There is a window between the check and the
/// real bind; the tests run serially, so in practice nothing else races for them.
/// </summary>
public static class FreePorts
{
    /// <summary>A port free for both UDP and TCP (SIP listens on both with one number).</summary>
    public static int SipPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            if (IsUdpFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free UDP+TCP port pair on 127.0.0.1");
    }

    /// <summary>A free UDP port from the kernel's ephemeral range, above any RTP range (SIPp's own SIP port, its media port).</summary>
    public static int UdpPort()
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.LocalEndPoint!).Port;
    }

    /// <summary>A free TCP port (baresip's control socket).</summary>
    public static int TcpPort() => SipPort();

    /// <summary>An even-based range of <paramref name="count"/> UDP ports, all free now, for the server's RTP.</summary>
    public static (int Low, int High) RtpRange(int count = 64)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var low = 20000 + (Random.Shared.Next(0, 10000) & ~1);
            var high = low + count - 1;
            var allFree = true;
            for (var port = low; port <= high && allFree; port++)
            {
                allFree = IsUdpFree(port);
            }

            if (allFree)
            {
                return (low, high);
            }
        }

        throw new InvalidOperationException($"no free range of {count} UDP ports on 127.0.0.1");
    }

    /// <summary>An even UDP port in <paramref name="low"/>-<paramref name="high"/> free now with the next (RTP and RTCP: a shared RTP port).</summary>
    public static int EvenPair(int low, int high)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = (low + Random.Shared.Next(0, high - low)) & ~1;
            if (port >= low && IsUdpFree(port) && IsUdpFree(port + 1))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free even UDP port pair in {low}-{high} on 127.0.0.1");
    }

    private static bool IsUdpFree(int port)
    {
        try
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
