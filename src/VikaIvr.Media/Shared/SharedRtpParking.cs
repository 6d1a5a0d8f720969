using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Shared;

/// <summary>
/// RTP that reached a shared port before its call could take it, kept for a second: a peer may
/// send as soon as it answers, before its answer (the address and SSRC that tell the call apart)
/// has reached us, and on a shared port nothing else holds those packets as a socket of its own
/// would. The call that then claims the sender gets them ahead of its first packet. A fixed ring
/// of small slots, filled and read on the receive thread: nothing is allocated per packet.
/// </summary>
internal sealed class SharedRtpParking
{
    /// <summary>Larger datagrams (not G.711 RTP) are not kept.</summary>
    public const int SlotBytes = 256;

    private static readonly long MaxAge = Stopwatch.Frequency;

    private readonly Lock _gate = new();
    private readonly byte[] _data;
    private readonly Slot[] _slots;
    private int _next;
    private int _held;

    public SharedRtpParking(int slots)
    {
        _data = new byte[slots * SlotBytes];
        _slots = new Slot[slots];
        for (int i = 0; i < slots; i++)
        {
            _slots[i].From4 = new SocketAddress(AddressFamily.InterNetwork);
            _slots[i].From6 = new SocketAddress(AddressFamily.InterNetworkV6);
        }
    }

    /// <summary>Datagrams kept now (some may be too old to be handed over).</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Keeps a datagram from <paramref name="key"/>'s sender, in place of the oldest when the ring is full.</summary>
    public void Park(SharedRtpKey key, ReadOnlySpan<byte> datagram, SocketAddress from, long receivedAtNs)
    {
        // The sender as the receive filled it in, whole: a session compares the address it latched byte for byte.
        int addressBytes = from.Buffer.Length;
        bool v4 = addressBytes == _slots[0].From4.Buffer.Length;
        if (datagram.Length > SlotBytes || (!v4 && addressBytes != _slots[0].From6.Buffer.Length))
        {
            return;
        }

        lock (_gate)
        {
            int i = _next;
            _next = (i + 1) % _slots.Length;
            ref var slot = ref _slots[i];
            if (slot.Length == 0)
            {
                _held++;
            }

            datagram.CopyTo(_data.AsSpan(i * SlotBytes));
            slot.From = v4 ? slot.From4 : slot.From6;
            from.Buffer.Span.CopyTo(slot.From.Buffer.Span);
            slot.From.Size = from.Size;
            slot.Key = key;
            slot.Length = datagram.Length;
            slot.ReceivedAtNs = receivedAtNs;
            slot.ParkedAt = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Hands <paramref name="sink"/>, oldest first, the datagrams of the last second whose sender <paramref name="port"/> now gives to <paramref name="lease"/>.</summary>
    public void HandOver(SharedRtpPort port, RtpPortLease lease, IDatagramSink sink, int channel)
    {
        lock (_gate)
        {
            long now = Stopwatch.GetTimestamp();
            for (int n = 0, i = _next; n < _slots.Length && _held > 0; n++, i = (i + 1) % _slots.Length)
            {
                ref var slot = ref _slots[i];
                if (slot.Length == 0)
                {
                    continue;
                }

                bool fresh = now - slot.ParkedAt <= MaxAge;
                if (fresh && !ReferenceEquals(port.ClaimantOf(slot.Key), lease))
                {
                    continue;
                }

                if (fresh)
                {
                    sink.OnDatagram(channel, _data.AsSpan(i * SlotBytes, slot.Length), slot.From, slot.ReceivedAtNs);
                }

                slot.Length = 0;
                _held--;
            }
        }
    }

    private struct Slot
    {
        public SharedRtpKey Key;
        public int Length;
        public long ReceivedAtNs;
        public long ParkedAt;
        public SocketAddress From;
        public SocketAddress From4;
        public SocketAddress From6;
    }
}
