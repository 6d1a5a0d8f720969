namespace VikaIvr.Media.Srtp;

/// <summary>The SDES crypto suites we speak (RFC 4568 6.2): AES counter mode with a 128-bit key, HMAC-SHA1 authentication.</summary>
public enum SrtpCryptoSuite
{
    /// <summary>AES_CM_128_HMAC_SHA1_80: 80-bit tags on SRTP and SRTCP.</summary>
    AesCm128HmacSha1_80,

    /// <summary>AES_CM_128_HMAC_SHA1_32: 32-bit tags on SRTP (SRTCP keeps 80 bits, RFC 4568 6.2.2).</summary>
    AesCm128HmacSha1_32,
}
