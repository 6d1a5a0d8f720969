using System.Buffers.Binary;

namespace VikaIvr.Media.Rtcp;

/// <summary>Walks the packets of a compound RTCP datagram without allocating.</summary>
public ref struct RtcpCompoundReader
{
    private ReadOnlySpan<byte> _remaining;

    public RtcpCompoundReader(ReadOnlySpan<byte> datagram)
    {
        _remaining = datagram;
    }

    /// <summary>False at the end, or when the rest is not well-formed RTCP version 2.</summary>
    public bool TryReadNext(out RtcpPacket packet)
    {
        packet = default;
        if (_remaining.Length < 4 || (_remaining[0] >> 6) != 2)
        {
            return false;
        }

        int length = (BinaryPrimitives.ReadUInt16BigEndian(_remaining[2..]) + 1) * 4;
        if (length > _remaining.Length)
        {
            return false;
        }

        packet = new RtcpPacket(_remaining[..length]);
        _remaining = _remaining[length..];
        return true;
    }

    /// <summary>Cheap test used to tell RTCP from RTP on a shared port (RFC 5761 section 4).</summary>
    public static bool LooksLikeRtcp(ReadOnlySpan<byte> datagram)
        => datagram.Length >= 8 && (datagram[0] >> 6) == 2 && datagram[1] >= 192 && datagram[1] <= 223;
}
