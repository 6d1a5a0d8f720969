using System.Net;
using VikaIvr.Media.Sdp;

namespace VikaIvr.Media.Tests.Sdp;

/// <summary>
/// a=ssrc (RFC 5576) both ways: the SSRC a peer announces is what tells its packets apart on a
/// shared RTP port, and ours is announced when we have one.
/// </summary>
public class SdpSsrcTests
{
    private const string Offer =
        "v=0\r\no=- 7 7 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n" +
        "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendrecv\r\n";

    private static SdpOfferAnswer Create(uint localSsrc = 0, string? cname = null)
    {
        var oa = new SdpOfferAnswer(new SdpOfferAnswerOptions(), IPAddress.Parse("198.51.100.7"), 20000, 42) { LocalSsrc = localSsrc };
        if (cname is not null) oa.LocalCname = cname;
        return oa;
    }

    [Fact]
    public void The_offers_announced_ssrc_is_the_remote_ssrc()
    {
        var r = Create().Answer(Offer + "a=ssrc:123456 cname:x\r\n");

        Assert.True(r.Success, r.Reason);
        Assert.Equal(123456u, r.Media.RemoteSsrc);
    }

    [Fact]
    public void The_largest_ssrc_is_read_whole()
    {
        Assert.Equal(uint.MaxValue, Create().Answer(Offer + "a=ssrc:4294967295 cname:x\r\n").Media!.RemoteSsrc);
    }

    [Fact]
    public void Baresips_ssrc_among_other_attributes_is_read()
    {
        Assert.Equal(1916429419u, Create().Answer(SdpSamples.Baresip).Media!.RemoteSsrc);
    }

    [Fact]
    public void An_offer_without_ssrc_has_none()
    {
        Assert.Null(Create().Answer(Offer).Media!.RemoteSsrc);
        Assert.Null(Create().Answer(SdpSamples.Sipp).Media!.RemoteSsrc);
    }

    [Theory]
    [InlineData("a=ssrc:0 cname:x")]
    [InlineData("a=ssrc:0")]
    [InlineData("a=ssrc:abc cname:x")]
    [InlineData("a=ssrc:-5 cname:x")]
    [InlineData("a=ssrc:+5 cname:x")]
    [InlineData("a=ssrc:4294967296 cname:x")]
    [InlineData("a=ssrc: cname:x")]
    [InlineData("a=ssrc:")]
    [InlineData("a=ssrc")]
    public void A_zero_or_unreadable_ssrc_is_none_and_the_offer_is_still_answered(string line)
    {
        var r = Create().Answer(Offer + line + "\r\n");

        Assert.True(r.Success, r.Reason);
        Assert.Null(r.Media.RemoteSsrc);
    }

    [Fact]
    public void An_ssrc_without_attributes_is_read()
    {
        Assert.Equal(77u, Create().Answer(Offer + "a=ssrc:77\r\n").Media!.RemoteSsrc);
    }

    [Fact]
    public void Apply_answer_reads_the_answers_ssrc()
    {
        var oa = Create(localSsrc: 99);
        oa.CreateOffer();

        var r = oa.ApplyAnswer(Offer + "a=ssrc:123456 cname:x\r\n");

        Assert.True(r.Success, r.Reason);
        Assert.Equal(123456u, r.Media.RemoteSsrc);
        Assert.Same(r.Media, oa.Current);
    }

    [Fact]
    public void Apply_answer_without_a_usable_ssrc_has_none()
    {
        var oa = Create();
        oa.CreateOffer();

        Assert.Null(oa.ApplyAnswer(Offer).Media!.RemoteSsrc);
        Assert.Null(oa.ApplyAnswer(Offer + "a=ssrc:0 cname:x\r\n").Media!.RemoteSsrc);
    }

    [Fact]
    public void Our_ssrc_is_announced_in_the_answers_audio_section_with_our_cname()
    {
        var r = Create(localSsrc: 3000000001, cname: "vika-node-1").Answer(Offer + "m=video 6002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n");

        var audio = r.LocalDescription!.Media[0];
        Assert.Equal("3000000001 cname:vika-node-1", audio.GetAttribute("ssrc"));
        Assert.Null(r.LocalDescription.Media[1].GetAttribute("ssrc"));
        Assert.Null(r.LocalDescription.GetAttribute("ssrc"));
        Assert.Contains("a=ssrc:3000000001 cname:vika-node-1\r\n", r.LocalDescription.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Our_ssrc_is_announced_in_our_offer_with_the_default_cname()
    {
        var offer = Create(localSsrc: 5).CreateOffer();

        Assert.Equal("5 cname:vikaivr", Assert.Single(offer.Media).GetAttribute("ssrc"));
        Assert.Contains("a=ssrc:5 cname:vikaivr\r\n", offer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_local_ssrc_neither_answer_nor_offer_carries_one()
    {
        var oa = Create();

        Assert.DoesNotContain("a=ssrc", oa.Answer(Offer + "a=ssrc:123456 cname:x\r\n").LocalDescription!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("a=ssrc", oa.CreateOffer().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Our_announced_ssrc_reads_back_as_the_peers_remote_ssrc()
    {
        var ours = Create(localSsrc: 424242);
        var offer = ours.CreateOffer().ToString();

        var theirs = Create().Answer(offer);

        Assert.Equal(424242u, theirs.Media!.RemoteSsrc);
    }
}
