using System.Buffers.Binary;

namespace VikaIvr.Media.Srtp;

/// <summary>
/// SRTCP for one direction (RFC 3711 3.4): the first 8 bytes (header and sender SSRC) stay clear, the
/// rest is encrypted, then the E flag with the 31-bit SRTCP index and an 80-bit tag over all of it.
/// Not thread-safe: the sender and the receiver each own theirs.
/// </summary>
internal sealed class SrtcpContext(SrtpMasterKey master) : IDisposable
{
    private const int ClearPrefix = 8;
    private const int IndexLength = 4;
    private const uint Encrypted = 0x8000_0000;

    private readonly SrtpTransform _transform = new(master, SrtpKeyDerivation.SrtcpEncryption);
    private SrtpReplayWindow _replay;
    private uint _nextIndex;

    /// <summary>Bytes SRTCP adds to a compound packet (E||index and the tag).</summary>
    public const int Overhead = IndexLength + SrtpCryptoSuites.SrtcpTagLength;

    /// <summary>Encrypts and signs the compound RTCP packet in <paramref name="buffer"/>[..length]; returns the new length.</summary>
    public int Protect(Span<byte> buffer, int length)
    {
        if (length < ClearPrefix)
        {
            throw new ArgumentException("Not an RTCP packet.", nameof(buffer));
        }

        uint index = _nextIndex;
        _nextIndex = (_nextIndex + 1) & 0x7FFF_FFFF;
        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        _transform.Apply(buffer[ClearPrefix..length], ssrc, index);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[length..], Encrypted | index);
        int signed = length + IndexLength;
        _transform.Sign(buffer[..signed], default, buffer.Slice(signed, SrtpCryptoSuites.SrtcpTagLength));
        return signed + SrtpCryptoSuites.SrtcpTagLength;
    }

    /// <summary>Checks, then decrypts in place; <paramref name="length"/> is the plain compound packet's length.</summary>
    public SrtpUnprotectResult Unprotect(Span<byte> packet, out int length)
    {
        length = 0;
        int signed = packet.Length - SrtpCryptoSuites.SrtcpTagLength;
        int plain = signed - IndexLength;
        if (plain < ClearPrefix || packet[0] >> 6 != 2)
        {
            return SrtpUnprotectResult.Malformed;
        }

        uint word = BinaryPrimitives.ReadUInt32BigEndian(packet[plain..]);
        uint index = word & 0x7FFF_FFFF;
        if (!_replay.IsFresh(index))
        {
            return SrtpUnprotectResult.Replayed;
        }

        if (!_transform.Verify(packet[..signed], default, packet[signed..]))
        {
            return SrtpUnprotectResult.AuthenticationFailed;
        }

        _replay.Accept(index);
        if ((word & Encrypted) != 0)
        {
            _transform.Apply(packet[ClearPrefix..plain], BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), index);
        }

        length = plain;
        return SrtpUnprotectResult.Ok;
    }

    public void Dispose() => _transform.Dispose();
}
