using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Server.Tests.CallSetup;

/// <summary>A free loopback port (UDP and TCP) in a range other programs on this machine share.</summary>
public static class SharedPorts
{
    public static int FreeSipPort(int low, int high, int except = 0)
    {
        for (int port = low; port <= high; port++)
        {
            if (port != except && IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free port in {low}-{high}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
