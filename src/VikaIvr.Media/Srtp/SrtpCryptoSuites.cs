namespace VikaIvr.Media.Srtp;

/// <summary>Names and sizes of the crypto suites, as SDP writes them.</summary>
public static class SrtpCryptoSuites
{
    /// <summary>The AES-128 master key length in bytes.</summary>
    public const int MasterKeyLength = 16;

    /// <summary>The master salt length in bytes (112 bits).</summary>
    public const int MasterSaltLength = 14;

    /// <summary>The SRTCP authentication tag length in bytes, the same for both suites.</summary>
    public const int SrtcpTagLength = 10;

    public static string Name(this SrtpCryptoSuite suite) => suite switch
    {
        SrtpCryptoSuite.AesCm128HmacSha1_80 => "AES_CM_128_HMAC_SHA1_80",
        SrtpCryptoSuite.AesCm128HmacSha1_32 => "AES_CM_128_HMAC_SHA1_32",
        _ => throw new ArgumentOutOfRangeException(nameof(suite)),
    };

    /// <summary>The SRTP (RTP) authentication tag length in bytes.</summary>
    public static int RtpTagLength(this SrtpCryptoSuite suite) => suite == SrtpCryptoSuite.AesCm128HmacSha1_32 ? 4 : 10;

    public static bool TryParse(ReadOnlySpan<char> name, out SrtpCryptoSuite suite)
    {
        if (name.Equals("AES_CM_128_HMAC_SHA1_80", StringComparison.Ordinal))
        {
            suite = SrtpCryptoSuite.AesCm128HmacSha1_80;
            return true;
        }

        if (name.Equals("AES_CM_128_HMAC_SHA1_32", StringComparison.Ordinal))
        {
            suite = SrtpCryptoSuite.AesCm128HmacSha1_32;
            return true;
        }

        suite = default;
        return false;
    }
}
