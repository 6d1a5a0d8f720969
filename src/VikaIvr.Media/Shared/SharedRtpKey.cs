using System.Buffers.Binary;
using System.Net;

namespace VikaIvr.Media.Shared;

/// <summary>
/// What tells one call's packets from another's on a shared RTP port: the sender's address and
/// port, and the sender's SSRC when its SDP announced one (a=ssrc, RFC 5576), else 0 (any). An
/// IPv4 sender is keyed as its IPv4-mapped IPv6 address, so a dual-mode socket's senders and the
/// SDP's addresses compare alike.
/// </summary>
internal readonly record struct SharedRtpKey(ulong High, ulong Low, ushort Port, uint Ssrc)
{
    private const ushort FamilyInet = 2;
    private const ushort FamilyInet6 = 10;
    private const ulong MappedPrefix = 0x0000_FFFF_0000_0000UL;

    /// <summary>The key of a sender given as a native sockaddr (the bytes a receive fills in); false for other families.</summary>
    public static bool TryFrom(SocketAddress from, uint ssrc, out SharedRtpKey key)
    {
        var bytes = from.Buffer.Span[..from.Size];
        key = default;
        if (bytes.Length < 8)
        {
            return false;
        }

        ushort family = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        ushort port = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        if (family == FamilyInet)
        {
            key = new SharedRtpKey(0, MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]), port, ssrc);
            return true;
        }

        if (family == FamilyInet6 && bytes.Length >= 24)
        {
            key = new SharedRtpKey(BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]), port, ssrc);
            return true;
        }

        return false;
    }

    /// <summary>The key of an SDP endpoint.</summary>
    public static SharedRtpKey From(IPEndPoint endPoint, uint ssrc)
    {
        // Read from the address's bytes (an IPv4 one mapped here, as TryFrom does): MapToIPv6 would make an
        // IPv6 address and its array for every call.
        Span<byte> bytes = stackalloc byte[16];
        endPoint.Address.TryWriteBytes(bytes, out int written);
        return written == 4
            ? new SharedRtpKey(0, MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes), (ushort)endPoint.Port, ssrc)
            : new SharedRtpKey(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), (ushort)endPoint.Port, ssrc);
    }

    /// <summary>The same sender, any SSRC.</summary>
    public SharedRtpKey AnySsrc => this with { Ssrc = 0 };
}
