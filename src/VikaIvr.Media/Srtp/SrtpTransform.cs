using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VikaIvr.Media.Srtp;

/// <summary>
/// One set of session keys (SRTP or SRTCP, one direction) and the buffers to use them: AES-CM
/// encryption and HMAC-SHA1 tags, allocation-free per packet. One thread at a time.
/// </summary>
internal sealed class SrtpTransform : IDisposable
{
    /// <summary>Enough keystream for a 1500-byte datagram.</summary>
    private const int MaxBlocks = 96;

    private readonly Aes _aes;
    private readonly ICryptoTransform _ecb;
    private readonly IncrementalHash _hmac;
    private readonly byte[] _salt = new byte[SrtpCryptoSuites.MasterSaltLength];
    private readonly byte[] _iv = new byte[16];
    private readonly byte[] _counters = new byte[MaxBlocks * 16];
    private readonly byte[] _keystream = new byte[MaxBlocks * 16];
    private readonly byte[] _mac = new byte[20];

    /// <param name="encryptionLabel">0 for SRTP, 3 for SRTCP; authentication and salt follow it.</param>
    public SrtpTransform(SrtpMasterKey master, byte encryptionLabel)
    {
        var key = new byte[16];
        var auth = new byte[20];
        SrtpKeyDerivation.Derive(master.Key, master.Salt, encryptionLabel, key);
        SrtpKeyDerivation.Derive(master.Key, master.Salt, (byte)(encryptionLabel + 1), auth);
        SrtpKeyDerivation.Derive(master.Key, master.Salt, (byte)(encryptionLabel + 2), _salt);
        _aes = Aes.Create();
        _aes.Key = key;
        _ecb = AesCounterMode.CreateEcb(_aes);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, auth);
        CryptographicOperations.ZeroMemory(key);
        CryptographicOperations.ZeroMemory(auth);
    }

    /// <summary>From session keys directly (the RFC 3711 B.2 keystream vector).</summary>
    internal SrtpTransform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> auth)
    {
        salt.CopyTo(_salt);
        _aes = Aes.Create();
        _aes.Key = key.ToArray();
        _ecb = AesCounterMode.CreateEcb(_aes);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, auth);
    }

    /// <summary>XORs the keystream for (SSRC, index) into <paramref name="data"/>: encrypts and decrypts alike.</summary>
    public void Apply(Span<byte> data, uint ssrc, ulong index)
    {
        // IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16)
        var iv = _iv.AsSpan();
        _salt.CopyTo(iv);
        iv[14] = 0;
        iv[15] = 0;
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(word, ssrc);
        for (int i = 0; i < 4; i++)
        {
            iv[4 + i] ^= word[i];
        }

        BinaryPrimitives.WriteUInt64BigEndian(word, index << 16);
        for (int i = 0; i < 8; i++)
        {
            iv[8 + i] ^= word[i];
        }

        int done = 0;
        while (!data.IsEmpty)
        {
            int length = Math.Min(data.Length, _keystream.Length);
            int padded = (length + 15) & ~15;
            AesCounterMode.Keystream(_ecb, iv, _counters, _keystream, padded);
            var stream = _keystream.AsSpan(0, padded);
            for (int i = 0; i < length; i++)
            {
                data[i] ^= stream[i];
            }

            data = data[length..];
            // Only past 1536 bytes: the counter (the IV's low 16 bits, zero at the start) goes on from this chunk's end.
            done += MaxBlocks;
            iv[14] = (byte)(done >> 8);
            iv[15] = (byte)done;
        }
    }

    /// <summary>HMAC-SHA1 over the packet and the 4-byte trailer (ROC for SRTP; SRTCP puts E||index in the packet and passes none), cut to <paramref name="tag"/>'s length.</summary>
    public void Sign(ReadOnlySpan<byte> authenticated, ReadOnlySpan<byte> trailer, Span<byte> tag)
    {
        _hmac.AppendData(authenticated);
        if (!trailer.IsEmpty)
        {
            _hmac.AppendData(trailer);
        }

        _hmac.GetHashAndReset(_mac);
        _mac.AsSpan(0, tag.Length).CopyTo(tag);
    }

    /// <summary>True when <paramref name="tag"/> is the packet's tag; compared in constant time.</summary>
    public bool Verify(ReadOnlySpan<byte> authenticated, ReadOnlySpan<byte> trailer, ReadOnlySpan<byte> tag)
    {
        _hmac.AppendData(authenticated);
        if (!trailer.IsEmpty)
        {
            _hmac.AppendData(trailer);
        }

        _hmac.GetHashAndReset(_mac);
        return CryptographicOperations.FixedTimeEquals(_mac.AsSpan(0, tag.Length), tag);
    }

    public void Dispose()
    {
        _ecb.Dispose();
        _aes.Dispose();
        _hmac.Dispose();
        CryptographicOperations.ZeroMemory(_salt);
    }
}
