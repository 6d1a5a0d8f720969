using System.Buffers.Binary;

namespace VikaIvr.Media.Rtp;

/// <summary>Writes complete RTP packets into a caller-supplied buffer.</summary>
public static class RtpPacketWriter
{
    /// <summary>Header + payload, no CSRC, extension or padding: the hot path for sending audio.</summary>
    public static int Write(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload)
        => Write(destination, header, [], 0, [], payload, 0);

    /// <summary>
    /// Writes a packet with optional CSRCs, header extension (data length a multiple of 4) and
    /// padding (the pad count is appended as the last byte, as RFC 3550 5.1 requires).
    /// </summary>
    public static int Write(Span<byte> destination, RtpHeader header, ReadOnlySpan<uint> csrcs,
        ushort extensionProfile, ReadOnlySpan<byte> extensionData, ReadOnlySpan<byte> payload, int padding)
    {
        if (csrcs.Length > 15)
        {
            throw new ArgumentException("At most 15 CSRCs.", nameof(csrcs));
        }

        if ((extensionData.Length & 3) != 0)
        {
            throw new ArgumentException("Extension data must be a multiple of 4 bytes.", nameof(extensionData));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(padding, 255);

        bool hasExtension = extensionProfile != 0 || !extensionData.IsEmpty;
        header.CsrcCount = csrcs.Length;
        header.Extension = hasExtension;
        header.Padding = padding > 0;

        int total = RtpHeader.FixedSize + (4 * csrcs.Length) + (hasExtension ? 4 + extensionData.Length : 0)
            + payload.Length + padding;
        if (destination.Length < total)
        {
            throw new ArgumentException("Buffer too small for the RTP packet.", nameof(destination));
        }

        int offset = header.WriteFixed(destination);
        foreach (uint csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (hasExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], extensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extensionData.Length / 4));
            offset += 4;
            extensionData.CopyTo(destination[offset..]);
            offset += extensionData.Length;
        }

        payload.CopyTo(destination[offset..]);
        offset += payload.Length;
        if (padding > 0)
        {
            destination.Slice(offset, padding - 1).Clear();
            offset += padding;
            destination[offset - 1] = (byte)padding;
        }

        return offset;
    }
}
