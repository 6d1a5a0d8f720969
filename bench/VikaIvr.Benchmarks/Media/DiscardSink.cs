using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Benchmarks.Media;

/// <summary>
/// The far end of every simulated call: an RTP and RTCP socket pair on 127.0.0.1 that nobody
/// reads. The kernel drops what overflows the small receive buffer, so the benchmark process
/// pays for sending only, as it would with remote callers.
/// </summary>
internal sealed class DiscardSink : IDisposable
{
    private DiscardSink(Socket rtp, Socket rtcp)
    {
        Rtp = rtp;
        Rtcp = rtcp;
    }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    public IPEndPoint RtpEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    public static DiscardSink Open()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            var rtp = Bind(0);
            int port = ((IPEndPoint)rtp.LocalEndPoint!).Port;
            try
            {
                return new DiscardSink(rtp, Bind(port + 1));
            }
            catch (SocketException)
            {
                rtp.Dispose();
            }
        }

        throw new InvalidOperationException("Could not bind a loopback RTP/RTCP port pair for the sink.");
    }

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    private static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4096 };
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
