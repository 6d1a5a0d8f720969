using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Shared;

/// <summary>
/// One RTP/RTCP port pair for many calls (Media:SharedRtpPort): every call's SDP names this port,
/// its packets are read many a system call (recvmmsg) and handed to the call their sender and SSRC
/// belong to, and the pacers send a slot's frames in one sendmmsg. A call is told apart by the
/// address its SDP gave (exactly: RTP must come from where the SDP said, as from an SBC or a trunk)
/// and, when its SDP announced one (a=ssrc), its SSRC, so many calls from one address and port
/// (a load tester on a shared port) can share it too. A call that cannot be told apart (a second
/// call from the same address without a=ssrc) gets a port of its own instead: see
/// <see cref="RtpPortLease.TryBind"/>. Packets nobody claims are counted; RTP among them is kept a
/// second (<see cref="SharedRtpParking"/>) for a call whose claim comes after the peer began to send.
/// </summary>
public sealed class SharedRtpPort : IDisposable
{
    private const int RtpChannel = 0;

    private readonly ConcurrentDictionary<SharedRtpKey, RtpPortLease> _rtp = new();
    private readonly ConcurrentDictionary<SharedRtpKey, RtpPortLease> _rtcp = new();
    private readonly Lock _gate = new();
    private readonly ReceiverRegistration _rtpWatch;
    private readonly ReceiverRegistration _rtcpWatch;
    private readonly Demux _demux;
    private readonly SharedRtpParking _parking = new(1024);
    private long _unmatched;
    private int _disposed;

    /// <param name="bindAddress">The media address to bind (IPv6Any binds dual-mode).</param>
    /// <param name="port">The even RTP port; RTCP is port + 1.</param>
    /// <param name="receiver">The receiver that reads both sockets.</param>
    /// <param name="receiveBufferBytes">Asked of the kernel for each socket (it holds every call's packets between two reads).</param>
    public SharedRtpPort(IPAddress bindAddress, int port, MediaReceiver receiver, int receiveBufferBytes = 4 << 20)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        ArgumentNullException.ThrowIfNull(receiver);
        if (port < 1024 || port > 65534 || port % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "The shared RTP port must be even, 1024–65534 (RTCP takes the next).");
        }

        Rtp = RtpSockets.Bind(bindAddress, port, receiveBufferBytes);
        try
        {
            Rtcp = RtpSockets.Bind(bindAddress, port + 1, receiveBufferBytes / 4);
        }
        catch
        {
            Rtp.Dispose();
            throw;
        }

        Port = port;
        RtpFd = (int)Rtp.Handle;
        RtcpFd = (int)Rtcp.Handle;
        ForceReceiveBuffer(Rtp, receiveBufferBytes * 4);
        _demux = new Demux(this);
        _rtpWatch = receiver.Register(Rtp, _demux, RtpChannel, batched: true);
        _rtcpWatch = receiver.Register(Rtcp, _demux, RtpChannel + 1, batched: true);
    }

    /// <summary>The RTP port; RTCP is Port + 1.</summary>
    public int Port { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    /// <summary>Calls told apart here now.</summary>
    public int Calls
    {
        get
        {
            lock (_gate)
            {
                return Bound;
            }
        }
    }

    /// <summary>Datagrams no call took when they came (an unknown sender or SSRC, or a call not started yet); RTP among them is kept a second for a call that claims its sender late, the rest dropped.</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    internal Socket Rtp { get; }

    internal Socket Rtcp { get; }

    internal int RtpFd { get; }

    /// <summary>The RTCP socket's descriptor: the calls' reports go out through it (the receiver reads the socket).</summary>
    internal int RtcpFd { get; }

    private int Bound { get; set; }

    /// <summary>
    /// Every call's packets wait in this one socket between two reads, where a port per call has a
    /// buffer each: where the process may (CAP_NET_ADMIN), the buffer goes past net.core.rmem_max
    /// (SO_RCVBUFFORCE), so a stall of the reader (a collection, a preempted thread) of about 100 ms
    /// at 2,000 calls loses nothing; elsewhere it stays at what SO_RCVBUF got.
    /// </summary>
    private static void ForceReceiveBuffer(Socket socket, int bytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Span<byte> value = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(value, bytes);
        try
        {
            socket.SetRawSocketOption(1, 33, value);   // SOL_SOCKET, SO_RCVBUFFORCE
        }
        catch (SocketException)
        {
            // Not permitted: the SO_RCVBUF size stands.
        }
    }

    /// <summary>A lease on this port pair, told apart by nothing yet: bind it with <see cref="RtpPortLease.TryBind"/>.</summary>
    public RtpPortLease Lease()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new RtpPortLease(this);
    }

    /// <summary>Claims the lease's packets by sender (and SSRC); false, changing nothing, when another call holds the same claim.</summary>
    internal bool TryBind(RtpPortLease lease, IPEndPoint? rtp, IPEndPoint? rtcp, uint ssrc)
    {
        var claim = lease.Claim!;
        var rtpKey = rtp is null ? claim.RtpKey : SharedRtpKey.From(rtp, ssrc);
        var rtcpKey = rtcp is null ? claim.RtcpKey : SharedRtpKey.From(rtcp, ssrc);
        lock (_gate)
        {
            if (claim.Released)
            {
                return false;
            }

            if (rtpKey == claim.RtpKey && rtcpKey == claim.RtcpKey)
            {
                return true;
            }

            bool rtpNew = rtpKey is { } r && r != claim.RtpKey;
            bool rtcpNew = rtcpKey is { } c && c != claim.RtcpKey;
            if (rtpNew && !_rtp.TryAdd(rtpKey!.Value, lease))
            {
                return false;
            }

            if (rtcpNew && !_rtcp.TryAdd(rtcpKey!.Value, lease))
            {
                if (rtpNew)
                {
                    _rtp.TryRemove(rtpKey!.Value, out _);
                }

                return false;
            }

            if (rtpNew && claim.RtpKey is { } oldRtp)
            {
                _rtp.TryRemove(oldRtp, out _);
            }

            if (rtcpNew && claim.RtcpKey is { } oldRtcp)
            {
                _rtcp.TryRemove(oldRtcp, out _);
            }

            if (claim.RtpKey is null && claim.RtcpKey is null)
            {
                Bound++;
            }

            claim.RtpKey = rtpKey;
            claim.RtcpKey = rtcpKey;
            return true;
        }
    }

    /// <summary>Forgets the lease's claims (its call ended).</summary>
    internal void Release(RtpPortLease lease)
    {
        var claim = lease.Claim!;
        lock (_gate)
        {
            claim.Released = true;
            if (claim.RtpKey is null && claim.RtcpKey is null)
            {
                return;
            }

            if (claim.RtpKey is { } rtp)
            {
                _rtp.TryRemove(rtp, out _);
            }

            if (claim.RtcpKey is { } rtcp)
            {
                _rtcp.TryRemove(rtcp, out _);
            }

            claim.RtpKey = null;
            claim.RtcpKey = null;
            Bound--;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _rtpWatch.Dispose();
        _rtcpWatch.Dispose();
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    /// <summary>The lease whose claim takes RTP from <paramref name="key"/>'s sender, or null.</summary>
    internal RtpPortLease? ClaimantOf(SharedRtpKey key) => Claimant(_rtp, key);

    private static RtpPortLease? Claimant(ConcurrentDictionary<SharedRtpKey, RtpPortLease> table, SharedRtpKey key)
        => table.TryGetValue(key, out var lease) || table.TryGetValue(key.AnySsrc, out lease) ? lease : null;

    private void Deliver(int channel, ReadOnlySpan<byte> datagram, SocketAddress from, long receivedAtNs)
    {
        // RTP's SSRC is at 8; an RTCP compound starts with SR or RR, whose sender SSRC is at 4 (both clear under SRTP).
        int at = channel == RtpChannel ? 8 : 4;
        if (datagram.Length < at + 4 || !SharedRtpKey.TryFrom(from, BinaryPrimitives.ReadUInt32BigEndian(datagram[at..]), out var key))
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        var lease = Claimant(channel == RtpChannel ? _rtp : _rtcp, key);
        if (lease?.Claim?.Sink is not { } sink)
        {
            // Not claimed yet (the peer sent before its answer reached us) or not started yet: kept a second for its call.
            Interlocked.Increment(ref _unmatched);
            if (channel == RtpChannel)
            {
                _parking.Park(key, datagram, from, receivedAtNs);
            }

            return;
        }

        if (channel == RtpChannel && !lease.Claim!.HandedOver)
        {
            lease.Claim.HandedOver = true;
            if (_parking.Held > 0)
            {
                _parking.HandOver(this, lease, sink, channel);
            }
        }

        sink.OnDatagram(channel, datagram, from, receivedAtNs);
    }

    /// <summary>The receiver's view of the port: hands each datagram to its call.</summary>
    private sealed class Demux(SharedRtpPort port) : IDatagramSink
    {
        public void OnDatagram(int channel, ReadOnlySpan<byte> datagram, SocketAddress from, long receivedAtNs)
            => port.Deliver(channel, datagram, from, receivedAtNs);

        // An ICMP error on a shared socket cannot be laid at one call's door: the receiver logs nothing for it.
        public void OnReceiveError(int channel, SocketException error) => Interlocked.Increment(ref port._unmatched);
    }
}
