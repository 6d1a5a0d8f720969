using System.Buffers.Binary;

namespace VikaIvr.Media.Rtp;

/// <summary>
/// A view over one received RTP packet (RFC 3550): header fields, CSRCs, header extension
/// and payload (padding removed), all as slices of the caller's buffer.
/// </summary>
public readonly ref struct RtpPacket
{
    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _payloadOffset;
    private readonly int _payloadLength;

    private RtpPacket(ReadOnlySpan<byte> packet, RtpHeader header, int payloadOffset, int payloadLength,
        ushort extensionProfile, int extensionOffset, int extensionLength)
    {
        _packet = packet;
        Header = header;
        _payloadOffset = payloadOffset;
        _payloadLength = payloadLength;
        ExtensionProfile = extensionProfile;
        ExtensionOffset = extensionOffset;
        ExtensionLength = extensionLength;
    }

    public RtpHeader Header { get; }

    public ushort ExtensionProfile { get; }

    private int ExtensionOffset { get; }

    private int ExtensionLength { get; }

    public ReadOnlySpan<byte> Payload => _packet.Slice(_payloadOffset, _payloadLength);

    /// <summary>The extension data (after the 4-byte profile/length word); empty when X is clear.</summary>
    public ReadOnlySpan<byte> ExtensionData => _packet.Slice(ExtensionOffset, ExtensionLength);

    public uint GetCsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Header.CsrcCount);
        return BinaryPrimitives.ReadUInt32BigEndian(_packet[(RtpHeader.FixedSize + (4 * index))..]);
    }

    /// <summary>Parses a packet; false for anything that is not well-formed RTP version 2.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpPacket result)
    {
        result = default;
        if (packet.Length < RtpHeader.FixedSize || (packet[0] >> 6) != RtpHeader.Version2)
        {
            return false;
        }

        var header = new RtpHeader
        {
            Padding = (packet[0] & 0x20) != 0,
            Extension = (packet[0] & 0x10) != 0,
            CsrcCount = packet[0] & 0x0F,
            Marker = (packet[1] & 0x80) != 0,
            PayloadType = (byte)(packet[1] & 0x7F),
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
        };

        int offset = RtpHeader.FixedSize + (4 * header.CsrcCount);
        ushort profile = 0;
        int extOffset = offset;
        int extLength = 0;
        if (header.Extension)
        {
            if (packet.Length < offset + 4)
            {
                return false;
            }

            profile = BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
            extLength = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) * 4;
            extOffset = offset + 4;
            offset = extOffset + extLength;
        }

        int end = packet.Length;
        if (header.Padding)
        {
            int pad = packet[^1];
            if (pad == 0)
            {
                return false;
            }

            end -= pad;
        }

        if (offset > end)
        {
            return false;
        }

        result = new RtpPacket(packet, header, offset, end - offset, profile, extOffset, extLength);
        return true;
    }
}
