using System.Net;
using System.Threading.Channels;

namespace VikaIvr.Media.Session;

/// <summary>
/// The session's rarely used parts in one object made with the first of them (as a task keeps its
/// contingent properties): a call the shared receiver reads, plain RTP, its digits taken by a sink,
/// sending none and nobody asking for <see cref="Closed"/> (the common call) never makes it, and
/// carries one null field instead of seven (48 bytes less a call).
/// </summary>
public sealed partial class MediaSession
{
    private Rare? _rare;

    /// <summary>The rare parts, made on first use by whichever thread needs them first.</summary>
    private Rare RareParts()
    {
        if (Volatile.Read(ref _rare) is { } existing)
        {
            return existing;
        }

        var created = new Rare();
        return Interlocked.CompareExchange(ref _rare, created, null) ?? created;
    }

    private sealed class Rare
    {
        /// <summary>Digits for <see cref="Digits"/> when no sink takes them; made on first use.</summary>
        public Channel<MediaDigit>? Digits;

        /// <summary>The source of <see cref="Closed"/>; made on first use.</summary>
        public CancellationTokenSource? Closing;

        /// <summary>Without a shared receiver: the sockets' own receive loops.</summary>
        public Task? ReceiveLoops;

        /// <summary>Without a receiver: the SDP's RTCP address for a send through the socket, made on its first report; pacer and update.</summary>
        public SocketAddress? RtcpBySocket;

        /// <summary>Outgoing RFC 4733 digits and their sending state, made with the first digit sent.</summary>
        public DtmfSendQueue? DtmfSend;

        /// <summary>SRTP's buffers and sessions, made with the first policy.</summary>
        public SrtpState? Srtp;

        /// <summary>The load tester's view of every accepted packet.</summary>
        public IMediaPacketListener? PacketListener;
    }
}
