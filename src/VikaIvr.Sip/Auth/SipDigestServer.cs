using System.Buffers.Binary;
using System.Security.Cryptography;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Auth;

/// <summary>
/// Challenges requests and checks their digest. Nonces are self-validating
/// (timestamp + HMAC with a per-instance secret), so no per-nonce state is kept and
/// any node sharing the secret can verify them.
/// </summary>
public sealed class SipDigestServer
{
    private readonly byte[] _secret;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _passwordLookup;

    public SipDigestServer(string realm, Func<string, string?> passwordLookup, TimeProvider time,
        SipDigestAlgorithm algorithm = SipDigestAlgorithm.Md5, TimeSpan? nonceLifetime = null, byte[]? secret = null)
    {
        Realm = realm;
        Algorithm = algorithm;
        NonceLifetime = nonceLifetime ?? TimeSpan.FromMinutes(5);
        _passwordLookup = passwordLookup;
        _time = time;
        _secret = secret ?? RandomNumberGenerator.GetBytes(32);
    }

    public string Realm { get; }

    public SipDigestAlgorithm Algorithm { get; }

    public TimeSpan NonceLifetime { get; }

    /// <summary>The WWW-Authenticate value for a 401.</summary>
    public string CreateChallenge(bool stale = false) =>
        "Digest realm=\"" + Realm + "\", nonce=\"" + CreateNonce() + "\", algorithm=" + SipDigest.AlgorithmName(Algorithm)
        + ", qop=\"auth\"" + (stale ? ", stale=true" : string.Empty);

    public string CreateNonce()
    {
        Span<byte> raw = stackalloc byte[8 + 16];
        BinaryPrimitives.WriteInt64BigEndian(raw, _time.GetUtcNow().ToUnixTimeMilliseconds());
        Mac(raw[..8], raw[8..]);
        return Convert.ToBase64String(raw).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Checks an Authorization header against the request method.</summary>
    public SipDigestVerdict Verify(SipAuthHeaderValue? authorization, string method)
    {
        if (authorization is not { IsDigest: true })
        {
            return SipDigestVerdict.Missing;
        }

        var p = authorization.Parameters;
        var username = p.GetUnquoted("username");
        var nonce = p.GetUnquoted("nonce");
        var uri = p.GetUnquoted("uri");
        var response = p.GetUnquoted("response");
        if (username is null || nonce is null || uri is null || response is null
            || !string.Equals(p.GetUnquoted("realm"), Realm, StringComparison.Ordinal)
            || !SipDigest.TryParseAlgorithm(p.GetUnquoted("algorithm"), out var algorithm) || algorithm != Algorithm)
        {
            return SipDigestVerdict.Invalid;
        }

        var nonceState = CheckNonce(nonce);
        if (nonceState == SipDigestVerdict.Invalid)
        {
            return SipDigestVerdict.Invalid;
        }

        if (_passwordLookup(username) is not { } password)
        {
            return SipDigestVerdict.Invalid;
        }

        var qop = p.GetUnquoted("qop");
        if (qop is not null && !qop.Equals("auth", StringComparison.OrdinalIgnoreCase))
        {
            return SipDigestVerdict.Invalid;
        }

        var expected = SipDigest.Response(algorithm, username, Realm, password, nonce, method, uri, qop,
            p.GetUnquoted("nc"), p.GetUnquoted("cnonce"));
        if (!SipDigest.FixedTimeEquals(expected, response))
        {
            return SipDigestVerdict.Invalid;
        }

        return nonceState;
    }

    private SipDigestVerdict CheckNonce(string nonce)
    {
        Span<byte> raw = stackalloc byte[24];
        var b64 = nonce.Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight((b64.Length + 3) / 4 * 4, '=');
        if (!Convert.TryFromBase64String(b64, raw, out var written) || written != 24)
        {
            return SipDigestVerdict.Invalid;
        }

        Span<byte> mac = stackalloc byte[16];
        Mac(raw[..8], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, raw[8..]))
        {
            return SipDigestVerdict.Invalid;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(raw));
        return _time.GetUtcNow() - issued > NonceLifetime ? SipDigestVerdict.Stale : SipDigestVerdict.Valid;
    }

    private void Mac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_secret, data, full);
        full[..16].CopyTo(destination);
    }
}
