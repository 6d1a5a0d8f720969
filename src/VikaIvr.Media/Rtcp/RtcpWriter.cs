using System.Buffers.Binary;

namespace VikaIvr.Media.Rtcp;

/// <summary>
/// Builds RTCP packets (RFC 3550 section 6) into a caller-supplied buffer; concatenating
/// the results makes a compound packet (SR or RR first, then SDES, then BYE).
/// </summary>
public static class RtcpWriter
{
    public const int ReportBlockSize = 24;
    private const int SdesCname = 1;

    public static int WriteSenderReport(Span<byte> destination, uint ssrc, in RtcpSenderInfo info,
        ReadOnlySpan<RtcpReportBlock> blocks)
    {
        int length = 28 + (blocks.Length * ReportBlockSize);
        WriteHeader(destination, blocks.Length, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.OctetCount);
        WriteBlocks(destination[28..], blocks);
        return length;
    }

    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        int length = 8 + (blocks.Length * ReportBlockSize);
        WriteHeader(destination, blocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        WriteBlocks(destination[8..], blocks);
        return length;
    }

    /// <summary>An SDES packet with one chunk holding only the CNAME item (mandatory in every compound).</summary>
    public static int WriteSourceDescription(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cnameUtf8)
    {
        if (cnameUtf8.Length > 255)
        {
            throw new ArgumentException("CNAME longer than 255 bytes.", nameof(cnameUtf8));
        }

        // chunk: ssrc(4) + type(1) + len(1) + text + at least one null, padded to 4
        int chunk = 4 + 2 + cnameUtf8.Length + 1;
        chunk = (chunk + 3) & ~3;
        int length = 4 + chunk;
        WriteHeader(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = SdesCname;
        destination[9] = (byte)cnameUtf8.Length;
        cnameUtf8.CopyTo(destination[10..]);
        destination[(10 + cnameUtf8.Length)..length].Clear();
        return length;
    }

    public static int WriteBye(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> reasonUtf8 = default)
    {
        if (reasonUtf8.Length > 255)
        {
            throw new ArgumentException("Reason longer than 255 bytes.", nameof(reasonUtf8));
        }

        int length = 8;
        if (!reasonUtf8.IsEmpty)
        {
            length += (1 + reasonUtf8.Length + 3) & ~3;
        }

        WriteHeader(destination, 1, RtcpPacketType.Bye, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        if (!reasonUtf8.IsEmpty)
        {
            destination[8] = (byte)reasonUtf8.Length;
            reasonUtf8.CopyTo(destination[9..]);
            destination[(9 + reasonUtf8.Length)..length].Clear();
        }

        return length;
    }

    private static void WriteHeader(Span<byte> destination, int count, RtcpPacketType type, int length)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException("Buffer too small for the RTCP packet.", nameof(destination));
        }

        if (count > 31)
        {
            throw new ArgumentException("At most 31 report blocks or sources.", nameof(count));
        }

        destination[0] = (byte)(0x80 | count);
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (int i = 0; i < blocks.Length; i++)
        {
            var b = blocks[i];
            var d = destination[(i * ReportBlockSize)..];
            BinaryPrimitives.WriteUInt32BigEndian(d, b.Ssrc);
            int lost = Math.Clamp(b.CumulativeLost, -0x800000, 0x7FFFFF);
            BinaryPrimitives.WriteUInt32BigEndian(d[4..], ((uint)b.FractionLost << 24) | ((uint)lost & 0xFFFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(d[8..], b.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(d[12..], b.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(d[16..], b.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(d[20..], b.DelaySinceLastSenderReport);
        }
    }
}
