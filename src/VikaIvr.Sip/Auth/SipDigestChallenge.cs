using System.Diagnostics.CodeAnalysis;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Auth;

/// <summary>A Digest challenge read from WWW-Authenticate or Proxy-Authenticate.</summary>
public sealed record SipDigestChallenge(string Realm, string Nonce, SipDigestAlgorithm Algorithm, bool QopAuth, string? Opaque, bool Stale)
{
    public static bool TryCreate(SipAuthHeaderValue header, [NotNullWhen(true)] out SipDigestChallenge? challenge)
    {
        challenge = null;
        var p = header.Parameters;
        if (!header.IsDigest || p.GetUnquoted("realm") is not { } realm || p.GetUnquoted("nonce") is not { } nonce
            || !SipDigest.TryParseAlgorithm(p.GetUnquoted("algorithm"), out var algorithm))
        {
            return false;
        }

        var qopAuth = false;
        if (p.GetUnquoted("qop") is { } qop)
        {
            foreach (var option in qop.Split(',', StringSplitOptions.TrimEntries))
            {
                qopAuth |= option.Equals("auth", StringComparison.OrdinalIgnoreCase);
            }

            if (!qopAuth)
            {
                return false;
            }
        }

        var stale = string.Equals(p.GetUnquoted("stale"), "true", StringComparison.OrdinalIgnoreCase);
        challenge = new SipDigestChallenge(realm, nonce, algorithm, qopAuth, p.GetUnquoted("opaque"), stale);
        return true;
    }

    /// <summary>
    /// The best challenge of a 401/407: SHA-256 preferred over MD5 (RFC 7616 3.7 lists the
    /// preferred one first, but servers disagree on order, so we pick).
    /// </summary>
    public static SipDigestChallenge? SelectFrom(SipResponse response)
    {
        var headers = response.StatusCode == 407 ? response.ProxyAuthenticate : response.WwwAuthenticate;
        SipDigestChallenge? best = null;
        foreach (var h in headers)
        {
            if (TryCreate(h, out var c) && (best is null || (c.Algorithm == SipDigestAlgorithm.Sha256 && best.Algorithm != SipDigestAlgorithm.Sha256)))
            {
                best = c;
            }
        }

        return best;
    }
}
