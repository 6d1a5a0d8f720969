using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Media.Session;

/// <summary>An RTP/RTCP socket pair on an even/odd port pair; disposing closes both and frees the ports.</summary>
public sealed class RtpPortLease : IDisposable
{
    private readonly Action<int>? _release;
    private int _disposed;

    internal RtpPortLease(Socket rtp, Socket rtcp, int port, Action<int>? release)
    {
        Rtp = rtp;
        Rtcp = rtcp;
        Port = port;
        _release = release;
    }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    /// <summary>The RTP port (even); RTCP is Port + 1.</summary>
    public int Port { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Rtp.Dispose();
        Rtcp.Dispose();
        _release?.Invoke(Port);
    }
}
