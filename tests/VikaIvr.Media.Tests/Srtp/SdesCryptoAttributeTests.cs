using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Tests.Srtp;

public sealed class SdesCryptoAttributeTests
{
    private const string Key = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";

    [Fact]
    public void A_baresip_style_line_is_read()
    {
        Assert.True(SdesCryptoAttribute.TryParse("1 AES_CM_128_HMAC_SHA1_80 inline:" + Key, out var attribute, out _));

        Assert.Equal(1, attribute!.Tag);
        Assert.Equal(SrtpCryptoSuite.AesCm128HmacSha1_80, attribute.Suite);
        Assert.Equal("1 AES_CM_128_HMAC_SHA1_80 inline:" + Key, attribute.ToAttributeValue());
    }

    [Fact]
    public void A_lifetime_is_kept()
    {
        Assert.True(SdesCryptoAttribute.TryParse("2 AES_CM_128_HMAC_SHA1_32 inline:" + Key + "|2^31", out var attribute, out _));

        Assert.Equal(SrtpCryptoSuite.AesCm128HmacSha1_32, attribute!.Suite);
        Assert.Equal("2^31", attribute.Key.Lifetime);
    }

    [Theory]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Key + "|2^20|1:4", "MKI is not supported")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Key + "|1:4", "MKI is not supported")]
    [InlineData("1 AES_256_CM_HMAC_SHA1_80 inline:" + Key, "unsupported crypto suite AES_256_CM_HMAC_SHA1_80")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=", "inline key is not 30 bytes of base64 (16-byte key, 14-byte salt)")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Key + " UNENCRYPTED_SRTP", "session parameters are not supported")]
    [InlineData("x AES_CM_128_HMAC_SHA1_80 inline:" + Key, "malformed a=crypto line")]
    public void Unusable_lines_are_refused_with_a_reason_that_never_shows_the_key(string value, string reason)
    {
        Assert.False(SdesCryptoAttribute.TryParse(value, out _, out string? why));

        Assert.Equal(reason, why);
    }

    [Fact]
    public void Text_forms_meant_for_logs_never_show_the_key()
    {
        Assert.True(SdesCryptoAttribute.TryParse("1 AES_CM_128_HMAC_SHA1_80 inline:" + Key, out var attribute, out _));

        Assert.DoesNotContain(Key, attribute!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, attribute.Key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, new SrtpPolicy(attribute.Suite, attribute.Key, attribute.Key).ToString(), StringComparison.Ordinal);
    }
}
