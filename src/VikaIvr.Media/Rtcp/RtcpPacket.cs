using System.Buffers.Binary;

namespace VikaIvr.Media.Rtcp;

/// <summary>A view over one RTCP packet inside a compound; see <see cref="RtcpCompoundReader"/>.</summary>
public readonly ref struct RtcpPacket
{
    private readonly ReadOnlySpan<byte> _packet;

    internal RtcpPacket(ReadOnlySpan<byte> packet)
    {
        _packet = packet;
    }

    public RtcpPacketType Type => (RtcpPacketType)_packet[1];

    /// <summary>RC, SC or source count, depending on the type.</summary>
    public int Count => _packet[0] & 0x1F;

    public int Length => _packet.Length;

    /// <summary>The SSRC of the sender (SR, RR) or of the first source (SDES, BYE).</summary>
    public uint Ssrc => _packet.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(_packet[4..]) : 0;

    public RtcpSenderInfo SenderInfo
    {
        get
        {
            RequireType(RtcpPacketType.SenderReport, 28);
            return new RtcpSenderInfo(
                BinaryPrimitives.ReadUInt64BigEndian(_packet[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(_packet[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(_packet[20..]),
                BinaryPrimitives.ReadUInt32BigEndian(_packet[24..]));
        }
    }

    public RtcpReportBlock GetReportBlock(int index)
    {
        int start = Type switch
        {
            RtcpPacketType.SenderReport => 28,
            RtcpPacketType.ReceiverReport => 8,
            _ => throw new InvalidOperationException("Only SR and RR carry report blocks."),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int offset = start + (index * RtcpWriter.ReportBlockSize);
        if (_packet.Length < offset + RtcpWriter.ReportBlockSize)
        {
            throw new InvalidOperationException("Truncated report block.");
        }

        var d = _packet[offset..];
        uint word = BinaryPrimitives.ReadUInt32BigEndian(d[4..]);
        int lost = (int)(word & 0xFFFFFF);
        if ((lost & 0x800000) != 0)
        {
            lost |= unchecked((int)0xFF000000);
        }

        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(d),
            (byte)(word >> 24),
            lost,
            BinaryPrimitives.ReadUInt32BigEndian(d[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(d[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(d[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(d[20..]));
    }

    /// <summary>The BYE reason bytes (UTF-8), empty when none was given.</summary>
    public ReadOnlySpan<byte> ByeReason
    {
        get
        {
            RequireType(RtcpPacketType.Bye, 4);
            int offset = 4 + (4 * Count);
            if (_packet.Length <= offset)
            {
                return [];
            }

            int len = _packet[offset];
            return _packet.Length >= offset + 1 + len ? _packet.Slice(offset + 1, len) : [];
        }
    }

    public ReadOnlySpan<byte> Raw => _packet;

    private void RequireType(RtcpPacketType type, int minLength)
    {
        if (Type != type || _packet.Length < minLength)
        {
            throw new InvalidOperationException($"Not a well-formed {type} packet.");
        }
    }
}
