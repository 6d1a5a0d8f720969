using System.Security.Cryptography;

namespace VikaIvr.Media.Srtp;

/// <summary>
/// The AES-CM key derivation of RFC 3711 4.3 with a key derivation rate of 0 (SDES default): each
/// session key is the AES-CM keystream under the master key, started at (label XOR master salt) * 2^16.
/// </summary>
public static class SrtpKeyDerivation
{
    /// <summary>SRTP encryption key label; SRTP authentication is 1, SRTP salt 2; SRTCP's are 3, 4, 5.</summary>
    public const byte SrtpEncryption = 0;

    public const byte SrtcpEncryption = 3;

    /// <summary>Fills <paramref name="output"/> with the session key for <paramref name="label"/>.</summary>
    public static void Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        if (masterSalt.Length != SrtpCryptoSuites.MasterSaltLength)
        {
            throw new ArgumentException("The master salt is 14 bytes.", nameof(masterSalt));
        }

        Span<byte> iv = stackalloc byte[16];
        masterSalt.CopyTo(iv);
        // key_id = label || r (48 bits, 0 without a derivation rate) sits at bits 48..55 of the 112-bit salt.
        iv[7] ^= label;
        using var aes = Aes.Create();
        aes.Key = masterKey.ToArray();
        using var ecb = AesCounterMode.CreateEcb(aes);
        int padded = (output.Length + 15) & ~15;
        var counters = new byte[padded];
        var stream = new byte[padded];
        AesCounterMode.Keystream(ecb, iv, counters, stream, padded);
        stream.AsSpan(0, output.Length).CopyTo(output);
    }
}
