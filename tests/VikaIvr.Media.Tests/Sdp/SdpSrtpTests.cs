using System.Net;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Tests.Sdp;

public sealed class SdpSrtpTests
{
    private const string Key80 = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
    private const string Key32 = "d0RmdmcnVCIwMTIzNDU2Nzg5QUJDREVGR0hJSktM";
    private static readonly IPAddress Local = IPAddress.Parse("198.51.100.7");

    private static string Offer(string profile, params string[] crypto) =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 10358 " + profile + " 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n" +
        string.Concat(crypto.Select(c => "a=crypto:" + c + "\r\n")) + "a=sendrecv\r\na=ptime:20\r\n";

    private static SdpOfferAnswer Create(SrtpMode mode) => new(new SdpOfferAnswerOptions { Srtp = mode }, Local, 20000, 42);

    [Theory]
    [InlineData(SrtpMode.Optional)]
    [InlineData(SrtpMode.Required)]
    public void A_savp_offer_is_answered_with_savp_and_a_fresh_key_under_the_same_tag(SrtpMode mode)
    {
        var result = Create(mode).Answer(Offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + Key80, "2 AES_CM_128_HMAC_SHA1_32 inline:" + Key32));

        Assert.True(result.Success, result.Reason);
        string answer = result.LocalDescription!.ToString();
        Assert.Contains("m=audio 20000 RTP/SAVP 0 101\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(Key80, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("a=crypto:2", answer, StringComparison.Ordinal);
        var srtp = result.Media.Srtp!;
        Assert.Equal(SrtpCryptoSuite.AesCm128HmacSha1_80, srtp.Suite);
        Assert.Equal(Key80, Convert.ToBase64String([.. srtp.RemoteKey.Key, .. srtp.RemoteKey.Salt]));
        Assert.Contains(srtp.LocalKey.ToKeyParams(), answer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_supported_line_wins_and_unusable_ones_are_skipped()
    {
        var result = Create(SrtpMode.Optional).Answer(Offer("RTP/SAVP",
            "1 AES_256_CM_HMAC_SHA1_80 inline:" + Key80 + Key80[..10],
            "2 AES_CM_128_HMAC_SHA1_80 inline:" + Key80 + "|2^20|1:4",
            "3 AES_CM_128_HMAC_SHA1_32 inline:" + Key32));

        Assert.True(result.Success, result.Reason);
        Assert.Equal(SrtpCryptoSuite.AesCm128HmacSha1_32, result.Media.Srtp!.Suite);
        Assert.Contains("a=crypto:3 AES_CM_128_HMAC_SHA1_32 inline:", result.LocalDescription!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_savp_offer_with_only_mki_keys_is_refused_with_the_reason()
    {
        var result = Create(SrtpMode.Optional).Answer(Offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + Key80 + "|2^20|1:4"));

        Assert.Equal(SdpNegotiationError.NoAcceptableCrypto, result.Error);
        Assert.Equal("no usable a=crypto line (MKI is not supported)", result.Reason);
    }

    [Fact]
    public void With_srtp_off_a_savp_offer_has_no_acceptable_media()
    {
        var result = Create(SrtpMode.Off).Answer(Offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + Key80));

        Assert.Equal(SdpNegotiationError.NoAcceptableCrypto, result.Error);
        Assert.Contains("SRTP is off", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_srtp_off_crypto_in_a_plain_offer_is_ignored()
    {
        var result = Create(SrtpMode.Off).Answer(Offer("RTP/AVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + Key80));

        Assert.True(result.Success);
        Assert.Null(result.Media.Srtp);
        Assert.DoesNotContain("a=crypto", result.LocalDescription!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Required_refuses_a_plain_offer_and_optional_answers_it_plainly()
    {
        var refused = Create(SrtpMode.Required).Answer(Offer("RTP/AVP"));
        var plain = Create(SrtpMode.Optional).Answer(Offer("RTP/AVP"));

        Assert.Equal(SdpNegotiationError.SrtpRequired, refused.Error);
        Assert.True(plain.Success);
        Assert.Null(plain.Media.Srtp);
        Assert.Contains("m=audio 20000 RTP/AVP 0 101\r\n", plain.LocalDescription!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Best_effort_crypto_in_an_avp_offer_is_answered_with_srtp()
    {
        var result = Create(SrtpMode.Required).Answer(Offer("RTP/AVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + Key80));

        Assert.True(result.Success, result.Reason);
        Assert.NotNull(result.Media.Srtp);
        Assert.Contains("m=audio 20000 RTP/AVP 0 101\r\n", result.LocalDescription!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_offer_with_the_same_key_keeps_our_key_and_a_new_key_gets_a_new_one()
    {
        var offerAnswer = Create(SrtpMode.Optional);
        var first = offerAnswer.Answer(Offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + Key80)).Media!.Srtp;

        var again = offerAnswer.Answer(Offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + Key80)).Media!.Srtp;
        var rekeyed = offerAnswer.Answer(Offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + Key32)).Media!.Srtp;

        Assert.Same(first, again);
        Assert.NotEqual(first!.LocalKey, rekeyed!.LocalKey);
    }

    [Fact]
    public void Our_required_offer_and_the_peers_answer_cross_the_keys()
    {
        var caller = new SdpOfferAnswer(new SdpOfferAnswerOptions { Srtp = SrtpMode.Required }, IPAddress.Loopback, 30000);
        var server = Create(SrtpMode.Optional);
        string offer = caller.CreateOffer().ToString();
        Assert.Contains("m=audio 30000 RTP/SAVP", offer, StringComparison.Ordinal);
        Assert.Contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:", offer, StringComparison.Ordinal);
        Assert.Contains("a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:", offer, StringComparison.Ordinal);

        var answered = server.Answer(offer);
        var applied = caller.ApplyAnswer(answered.LocalDescription!.ToString());

        Assert.True(applied.Success, applied.Reason);
        Assert.Equal(answered.Media!.Srtp!.LocalKey, applied.Media.Srtp!.RemoteKey);
        Assert.Equal(answered.Media.Srtp.RemoteKey, applied.Media.Srtp.LocalKey);
    }

    [Fact]
    public void A_plain_answer_to_our_srtp_offer_is_refused()
    {
        var caller = new SdpOfferAnswer(new SdpOfferAnswerOptions { Srtp = SrtpMode.Required }, IPAddress.Loopback, 30000);
        caller.CreateOffer();

        var applied = caller.ApplyAnswer(Offer("RTP/AVP"));

        Assert.Equal(SdpNegotiationError.NoAcceptableCrypto, applied.Error);
    }
}
