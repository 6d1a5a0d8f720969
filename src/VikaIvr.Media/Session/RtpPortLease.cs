using System.Net;
using System.Net.Sockets;
using VikaIvr.Media.Shared;

namespace VikaIvr.Media.Session;

/// <summary>
/// A call's RTP/RTCP sockets: its own even/odd port pair (disposing closes both and frees the
/// ports), or a place on a <see cref="SharedRtpPort"/> (disposing forgets the call's claim there).
/// </summary>
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

    internal RtpPortLease(SharedRtpPort shared)
    {
        Claim = new SharedRtpClaim(shared);
        Rtp = shared.Rtp;
        Rtcp = shared.Rtcp;
        Port = shared.Port;
    }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    /// <summary>The RTP port (even); RTCP is Port + 1.</summary>
    public int Port { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    /// <summary>True on a shared port: the call's packets are told apart by sender (and SSRC), see <see cref="TryBind"/>.</summary>
    public bool IsShared => Claim is not null;

    /// <summary>On a shared port, the call's claim there; null on a port of its own.</summary>
    internal SharedRtpClaim? Claim { get; }

    internal SharedRtpPort? Shared => Claim?.Port;

    /// <summary>
    /// On a shared port, claims the packets that come from <paramref name="rtp"/> (and
    /// <paramref name="rtcp"/>) with SSRC <paramref name="ssrc"/> (0: any), replacing an earlier
    /// claim; false, changing nothing, when another call holds that claim (take a port of its own
    /// instead). A null endpoint keeps that half's claim (hold). Always true on a port of its own.
    /// </summary>
    public bool TryBind(IPEndPoint? rtp, IPEndPoint? rtcp, uint ssrc)
        => Shared is not { } shared || shared.TryBind(this, rtp, rtcp, ssrc);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (Claim is { } claim)
        {
            claim.Sink = null;
            claim.Port.Release(this);
            return;
        }

        Rtp.Dispose();
        Rtcp.Dispose();
        _release?.Invoke(Port);
    }
}
