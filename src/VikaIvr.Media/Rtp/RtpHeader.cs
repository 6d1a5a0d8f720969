using System.Buffers.Binary;

namespace VikaIvr.Media.Rtp;

/// <summary>
/// The fixed RTP header (RFC 3550 section 5.1) as a value, read from and written to spans
/// without allocation. CSRCs and the header extension stay in the packet buffer.
/// </summary>
public struct RtpHeader
{
    public const int FixedSize = 12;
    public const int Version2 = 2;

    public bool Padding;
    public bool Extension;
    public int CsrcCount;
    public bool Marker;
    public byte PayloadType;
    public ushort SequenceNumber;
    public uint Timestamp;
    public uint Ssrc;

    /// <summary>Bytes the header occupies when written without CSRCs or extension.</summary>
    public readonly int Size => FixedSize + (4 * CsrcCount);

    /// <summary>Writes the 12-byte fixed header; CSRC list and extension are the caller's job.</summary>
    public readonly int WriteFixed(Span<byte> destination)
    {
        if (destination.Length < FixedSize)
        {
            throw new ArgumentException("Buffer too small for an RTP header.", nameof(destination));
        }

        destination[0] = (byte)((Version2 << 6) | (Padding ? 0x20 : 0) | (Extension ? 0x10 : 0) | (CsrcCount & 0x0F));
        destination[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        return FixedSize;
    }
}
