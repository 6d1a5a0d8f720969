using System.Security.Cryptography;
using System.Text;

namespace VikaIvr.Sip.Auth;

/// <summary>The RFC 7616 digest computations (qop=auth and the RFC 2069 form without qop).</summary>
public static class SipDigest
{
    /// <summary>The algorithm token as it appears in WWW-Authenticate / Authorization.</summary>
    public static string AlgorithmName(SipDigestAlgorithm algorithm) =>
        algorithm == SipDigestAlgorithm.Sha256 ? "SHA-256" : "MD5";

    /// <summary>Parses an algorithm token; an absent token means MD5 (RFC 7616 3.3).</summary>
    public static bool TryParseAlgorithm(string? token, out SipDigestAlgorithm algorithm)
    {
        algorithm = SipDigestAlgorithm.Md5;
        if (token is null || token.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (token.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = SipDigestAlgorithm.Sha256;
            return true;
        }

        return false;
    }

    /// <summary>Lower-case hex hash of UTF-8 text.</summary>
    public static string Hash(SipDigestAlgorithm algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = algorithm == SipDigestAlgorithm.Sha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>HA1 = H(username:realm:password).</summary>
    public static string Ha1(SipDigestAlgorithm algorithm, string username, string realm, string password) =>
        Hash(algorithm, username + ":" + realm + ":" + password);

    /// <summary>
    /// The request-digest. With <paramref name="qop"/> "auth": H(HA1:nonce:nc:cnonce:qop:HA2);
    /// without qop (RFC 2069 compatibility): H(HA1:nonce:HA2).
    /// </summary>
    public static string Response(SipDigestAlgorithm algorithm, string ha1, string nonce, string method, string digestUri,
        string? qop, string? nc, string? cnonce)
    {
        var ha2 = Hash(algorithm, method + ":" + digestUri);
        return qop is null
            ? Hash(algorithm, ha1 + ":" + nonce + ":" + ha2)
            : Hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    public static string Response(SipDigestAlgorithm algorithm, string username, string realm, string password,
        string nonce, string method, string digestUri, string? qop, string? nc, string? cnonce) =>
        Response(algorithm, Ha1(algorithm, username, realm, password), nonce, method, digestUri, qop, nc, cnonce);

    /// <summary>Constant-time comparison of two hex digests.</summary>
    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a.ToLowerInvariant()), Encoding.ASCII.GetBytes(b.ToLowerInvariant()));
}
