using System.Security.Cryptography;

namespace VikaIvr.Media.Srtp;

/// <summary>AES in counter mode as SRTP uses it (RFC 3711 4.1.1): block j of the keystream is AES(IV + j), j below 2^16.</summary>
internal static class AesCounterMode
{
    /// <summary>An AES-ECB encryptor kept for the life of a key.</summary>
    /// <remarks>
    /// Measured on .NET 10: <c>Aes.EncryptEcb</c> allocates a cipher object (64 bytes) per call, while a kept
    /// <see cref="ICryptoTransform"/>'s TransformBlock reuses its native context and allocates nothing.
    /// </remarks>
    public static ICryptoTransform CreateEcb(Aes aes)
    {
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        return aes.CreateEncryptor();
    }

    /// <summary>
    /// Writes <paramref name="length"/> bytes of keystream (a whole number of blocks) into <paramref name="output"/>
    /// through one ECB pass over the counter blocks: the caller's buffers, so nothing is allocated per packet.
    /// </summary>
    public static void Keystream(ICryptoTransform ecb, ReadOnlySpan<byte> iv, byte[] counters, byte[] output, int length)
    {
        int blocks = length / 16;
        int low = (iv[14] << 8) | iv[15];
        for (int j = 0; j < blocks; j++)
        {
            var block = counters.AsSpan(j * 16, 16);
            iv[..14].CopyTo(block);
            int counter = low + j;
            block[14] = (byte)(counter >> 8);
            block[15] = (byte)counter;
        }

        ecb.TransformBlock(counters, 0, length, output, 0);
    }
}
