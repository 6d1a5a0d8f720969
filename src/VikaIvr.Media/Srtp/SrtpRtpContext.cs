using System.Buffers.Binary;

namespace VikaIvr.Media.Srtp;

/// <summary>
/// SRTP for one direction of RTP (RFC 3711 3.3, 3.4): the header stays clear and authenticated,
/// the payload is AES-CM encrypted, the HMAC-SHA1 tag covers the packet and the rollover counter.
/// Tracks one SSRC at a time (a call's stream); a new SSRC that authenticates starts a fresh state.
/// Not thread-safe: the sender and the receiver each own theirs.
/// </summary>
internal sealed class SrtpRtpContext(SrtpMasterKey master, int tagLength) : IDisposable
{
    private readonly SrtpTransform _transform = new(master, SrtpKeyDerivation.SrtpEncryption);
    private readonly byte[] _roc = new byte[4];
    private SrtpReplayWindow _replay;
    private uint _ssrc;
    private uint _rollover;
    private ushort _highestSequence;
    private bool _started;

    public int TagLength { get; } = tagLength;

    /// <summary>Encrypts and signs the RTP packet in <paramref name="buffer"/>[..length]; returns the new length (the tag appended).</summary>
    public int Protect(Span<byte> buffer, int length)
    {
        if (!TryHeaderLength(buffer[..length], out int header))
        {
            throw new ArgumentException("Not an RTP packet.", nameof(buffer));
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[8..]);
        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
        if (!_started || ssrc != _ssrc)
        {
            _started = true;
            _ssrc = ssrc;
            _rollover = 0;
        }
        else if (sequence < _highestSequence && _highestSequence - sequence > 0x8000)
        {
            _rollover++;
        }

        _highestSequence = sequence;
        ulong index = ((ulong)_rollover << 16) | sequence;
        _transform.Apply(buffer[header..length], ssrc, index);
        BinaryPrimitives.WriteUInt32BigEndian(_roc, _rollover);
        _transform.Sign(buffer[..length], _roc, buffer.Slice(length, TagLength));
        return length + TagLength;
    }

    /// <summary>Checks, then decrypts the packet in place; <paramref name="length"/> is the plain RTP length (tag removed).</summary>
    public SrtpUnprotectResult Unprotect(Span<byte> packet, out int length)
    {
        length = 0;
        int signed = packet.Length - TagLength;
        if (signed < 12 || !TryHeaderLength(packet[..signed], out int header))
        {
            return SrtpUnprotectResult.Malformed;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        bool known = _started && ssrc == _ssrc;
        long rollover = known ? EstimateRollover(sequence) : 0;
        if (rollover < 0)
        {
            // Before the first rollover of the stream: older than anything we can place.
            return SrtpUnprotectResult.Replayed;
        }

        ulong index = ((ulong)rollover << 16) | sequence;
        if (known && !_replay.IsFresh(index))
        {
            return SrtpUnprotectResult.Replayed;
        }

        BinaryPrimitives.WriteUInt32BigEndian(_roc, (uint)rollover);
        if (!_transform.Verify(packet[..signed], _roc, packet[signed..]))
        {
            return SrtpUnprotectResult.AuthenticationFailed;
        }

        if (!known)
        {
            _started = true;
            _ssrc = ssrc;
            _replay = default;
        }

        if (!known || index > _replay.Highest)
        {
            _rollover = (uint)rollover;
            _highestSequence = sequence;
        }

        _replay.Accept(index);
        _transform.Apply(packet[header..signed], ssrc, index);
        length = signed;
        return SrtpUnprotectResult.Ok;
    }

    public void Dispose() => _transform.Dispose();

    /// <summary>RFC 3711 3.3.1 / Appendix A: the rollover counter that puts the sequence number nearest the highest one seen.</summary>
    private long EstimateRollover(ushort sequence)
    {
        if (_highestSequence < 0x8000)
        {
            return sequence - _highestSequence > 0x8000 ? (long)_rollover - 1 : _rollover;
        }

        return _highestSequence - 0x8000 > sequence ? (long)_rollover + 1 : _rollover;
    }

    /// <summary>The clear header: 12 bytes, the CSRCs and the extension (RFC 3550 5.1, 5.3.1).</summary>
    private static bool TryHeaderLength(ReadOnlySpan<byte> packet, out int header)
    {
        header = 0;
        if (packet.Length < 12 || packet[0] >> 6 != 2)
        {
            return false;
        }

        header = 12 + ((packet[0] & 0x0F) * 4);
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < header + 4)
            {
                return false;
            }

            header += 4 + (BinaryPrimitives.ReadUInt16BigEndian(packet[(header + 2)..]) * 4);
        }

        return header <= packet.Length;
    }
}
