using System.Net;
using System.Net.Sockets;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Benchmarks.Media;

/// <summary>
/// A call's sending half without the session around it: copies the next 20 ms from a shared
/// encoded prompt (a cursor, looping), writes the RTP header and sends on a shared socket.
/// </summary>
internal sealed class SimulatedCall(EncodedAudio prompt, Socket socket, SocketAddress destination, uint ssrc) : IPacedStream
{
    private const int FrameSamples = 160;

    private readonly byte[] _packet = new byte[RtpHeader.FixedSize + FrameSamples];
    private int _offset;
    private ushort _sequence;
    private uint _timestamp;

    public long Sent { get; private set; }

    public void OnFrameDue(long timestamp)
    {
        var data = prompt.Data.Span;
        if (_offset + FrameSamples > data.Length)
        {
            _offset = 0;
        }

        data.Slice(_offset, FrameSamples).CopyTo(_packet.AsSpan(RtpHeader.FixedSize));
        _offset += FrameSamples;
        var header = new RtpHeader { PayloadType = (byte)prompt.Codec, SequenceNumber = _sequence++, Timestamp = _timestamp, Ssrc = ssrc, Marker = Sent == 0 };
        header.WriteFixed(_packet);
        _timestamp += FrameSamples;
        socket.SendTo(_packet, SocketFlags.None, destination);
        Sent++;
    }

    public static SocketAddress AddressOf(IPEndPoint endPoint) => endPoint.Serialize();
}
