using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VikaIvr.Sip.Auth;

/// <summary>
/// Answers digest challenges for one set of credentials: keeps the nonce count per nonce
/// so that re-using a nonce (RFC 7616 3.4) increments nc.
/// </summary>
public sealed class SipDigestClient(SipCredentials credentials)
{
    private string? _lastNonce;
    private uint _nonceCount;

    public SipCredentials Credentials { get; } = credentials;

    /// <summary>The Authorization / Proxy-Authorization header value for a request.</summary>
    public string CreateAuthorization(SipDigestChallenge challenge, string method, string digestUri, string? cnonce = null)
    {
        if (challenge.Nonce != _lastNonce)
        {
            _lastNonce = challenge.Nonce;
            _nonceCount = 0;
        }

        _nonceCount++;
        var nc = _nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        cnonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var qop = challenge.QopAuth ? "auth" : null;
        var response = SipDigest.Response(challenge.Algorithm, Credentials.Username, challenge.Realm, Credentials.Password,
            challenge.Nonce, method, digestUri, qop, nc, cnonce);
        var sb = new StringBuilder(256)
            .Append("Digest username=\"").Append(Credentials.Username)
            .Append("\", realm=\"").Append(challenge.Realm)
            .Append("\", nonce=\"").Append(challenge.Nonce)
            .Append("\", uri=\"").Append(digestUri)
            .Append("\", response=\"").Append(response)
            .Append("\", algorithm=").Append(SipDigest.AlgorithmName(challenge.Algorithm));
        if (qop is not null)
        {
            sb.Append(", qop=auth, nc=").Append(nc).Append(", cnonce=\"").Append(cnonce).Append('"');
        }

        if (challenge.Opaque is not null)
        {
            sb.Append(", opaque=\"").Append(challenge.Opaque).Append('"');
        }

        return sb.ToString();
    }
}
