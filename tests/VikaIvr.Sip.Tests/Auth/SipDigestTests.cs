using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Auth;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Auth;

public sealed class SipDigestTests
{
    // RFC 7616 3.9.1
    private const string Nonce7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Cnonce7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Fact]
    public void Rfc7616_Md5_vector()
    {
        var r = SipDigest.Response(SipDigestAlgorithm.Md5, "Mufasa", "http-auth@example.org", "Circle of Life",
            Nonce7616, "GET", "/dir/index.html", "auth", "00000001", Cnonce7616);
        // RFC 7616 prints ...eebdec1; its erratum 4897 corrects the MD5 example to this value.
        Assert.Equal("8ca523f5e9506fed4657c9700eebdbec", r);
    }

    [Fact]
    public void Rfc7616_Sha256_vector()
    {
        var r = SipDigest.Response(SipDigestAlgorithm.Sha256, "Mufasa", "http-auth@example.org", "Circle of Life",
            Nonce7616, "GET", "/dir/index.html", "auth", "00000001", Cnonce7616);
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", r);
    }

    [Fact]
    public void Rfc2617_Md5_vector()
    {
        var r = SipDigest.Response(SipDigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "GET", "/dir/index.html", "auth", "00000001", "0a4f113b");
        Assert.Equal("6629fae49393a05397450978507c4ef1", r);
    }

    [Fact]
    public void Client_uses_the_challenge_and_increments_nc_on_the_same_nonce()
    {
        Assert.True(SipAuthHeaderValue.TryParse(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"" + Nonce7616 + "\", opaque=\"FQhe\"",
            out var header));
        Assert.True(SipDigestChallenge.TryCreate(header, out var challenge));
        var client = new SipDigestClient(new SipCredentials("Mufasa", "Circle of Life"));
        var first = client.CreateAuthorization(challenge, "GET", "/dir/index.html", Cnonce7616);
        Assert.Contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"", first);
        Assert.Contains("nc=00000001", first);
        Assert.Contains("opaque=\"FQhe\"", first);
        var second = client.CreateAuthorization(challenge, "GET", "/dir/index.html", Cnonce7616);
        Assert.Contains("nc=00000002", second);
    }

    [Theory]
    [InlineData(SipDigestAlgorithm.Md5)]
    [InlineData(SipDigestAlgorithm.Sha256)]
    public void Server_accepts_a_correct_answer_and_refuses_a_wrong_password(SipDigestAlgorithm algorithm)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
        var server = new SipDigestServer("vika", u => u == "alice" ? "secret" : null, time, algorithm);
        Assert.True(SipAuthHeaderValue.TryParse(server.CreateChallenge(), out var challengeHeader));
        Assert.True(SipDigestChallenge.TryCreate(challengeHeader, out var challenge));
        Assert.Equal(algorithm, challenge.Algorithm);

        var good = new SipDigestClient(new SipCredentials("alice", "secret")).CreateAuthorization(challenge, "INVITE", "sip:165@vika");
        Assert.True(SipAuthHeaderValue.TryParse(good, out var goodHeader));
        Assert.Equal(SipDigestVerdict.Valid, server.Verify(goodHeader, "INVITE"));
        Assert.Equal(SipDigestVerdict.Invalid, server.Verify(goodHeader, "BYE"));

        var bad = new SipDigestClient(new SipCredentials("alice", "wrong")).CreateAuthorization(challenge, "INVITE", "sip:165@vika");
        Assert.True(SipAuthHeaderValue.TryParse(bad, out var badHeader));
        Assert.Equal(SipDigestVerdict.Invalid, server.Verify(badHeader, "INVITE"));
        Assert.Equal(SipDigestVerdict.Missing, server.Verify(null, "INVITE"));

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(SipDigestVerdict.Stale, server.Verify(goodHeader, "INVITE"));
    }

    [Fact]
    public void Server_refuses_a_forged_nonce()
    {
        var time = new FakeTimeProvider();
        var server = new SipDigestServer("vika", _ => "secret", time);
        var other = new SipDigestServer("vika", _ => "secret", time);
        Assert.True(SipAuthHeaderValue.TryParse(other.CreateChallenge(), out var h));
        Assert.True(SipDigestChallenge.TryCreate(h, out var challenge));
        var auth = new SipDigestClient(new SipCredentials("alice", "secret")).CreateAuthorization(challenge, "INVITE", "sip:165@vika");
        Assert.True(SipAuthHeaderValue.TryParse(auth, out var authHeader));
        Assert.Equal(SipDigestVerdict.Invalid, server.Verify(authHeader, "INVITE"));
    }
}
