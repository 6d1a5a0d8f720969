using System.Net;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;

namespace VikaIvr.Media.Tests.Sdp;

public class SdpOfferAnswerTests
{
    private static readonly IPAddress Local = IPAddress.Parse("198.51.100.7");

    private static SdpOfferAnswer Create(SdpOfferAnswerOptions? options = null) => new(options ?? new SdpOfferAnswerOptions(), Local, 20000, 42);

    [Fact]
    public void Answers_sipp_with_pcmu_and_its_telephone_event()
    {
        var result = Create().Answer(SdpSamples.Sipp);
        Assert.True(result.Success);
        Assert.Equal(RtpAudioCodec.Pcmu, result.Media.Codec);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6000), result.Media.RemoteEndPoint);
        Assert.Equal(20, result.Media.PtimeMs);
        string answer = result.LocalDescription!.ToString();
        Assert.Contains("m=audio 20000 RTP/AVP 0 101\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 198.51.100.7\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:101 telephone-event/8000\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=fmtp:101 0-16\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=sendrecv\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Follows_callers_order_filtered_by_configuration()
    {
        Assert.Equal(RtpAudioCodec.Pcmu, Create().Answer(SdpSamples.Baresip).Media!.Codec);
        Assert.Equal(RtpAudioCodec.Pcma, Create().Answer(SdpSamples.Carrier).Media!.Codec);
        var pcmaOnly = new SdpOfferAnswerOptions { Codecs = [RtpAudioCodec.Pcma] };
        var r = Create(pcmaOnly).Answer(SdpSamples.Baresip);
        Assert.Equal(RtpAudioCodec.Pcma, r.Media!.Codec);
        Assert.Contains("m=audio 20000 RTP/AVP 8 101\r\n", r.LocalDescription!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Carrier_telephone_event_96_at_8khz_and_ptime_30_are_honoured()
    {
        var r = Create().Answer(SdpSamples.Carrier);
        Assert.Equal(96, r.Media!.TelephoneEventPayloadType);
        Assert.Equal(30, r.Media.PtimeMs);
        string answer = r.LocalDescription!.ToString();
        Assert.Contains("m=audio 20000 RTP/AVP 8 96\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=ptime:30\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipv6_offer_gives_ipv6_remote_and_our_ipv6_address_when_configured()
    {
        var oa = new SdpOfferAnswer(new SdpOfferAnswerOptions(), IPAddress.Parse("2001:db8::7"), 30000);
        var r = oa.Answer(SdpSamples.Ipv6);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), r.Media!.RemoteEndPoint!.Address);
        Assert.Equal(RtpAudioCodec.Pcma, r.Media.Codec);
        Assert.Equal(126, r.Media.TelephoneEventPayloadType);
        Assert.Contains("c=IN IP6 2001:db8::7\r\n", r.LocalDescription!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_common_codec_is_a_clear_failure()
    {
        var r = Create().Answer(SdpSamples.OnlyG729);
        Assert.False(r.Success);
        Assert.Equal(SdpNegotiationError.NoCommonCodec, r.Error);
        Assert.Contains("common codec", r.Reason, StringComparison.Ordinal);
        Assert.Equal(SdpNegotiationError.Malformed, Create().Answer("nonsense").Error);
    }

    [Fact]
    public void Telephone_event_can_be_disabled()
    {
        var r = Create(new SdpOfferAnswerOptions { TelephoneEvent = false }).Answer(SdpSamples.Sipp);
        Assert.Null(r.Media!.TelephoneEventPayloadType);
        Assert.DoesNotContain("telephone-event", r.LocalDescription!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sendonly", SdpDirection.RecvOnly, true)]
    [InlineData("inactive", SdpDirection.Inactive, true)]
    [InlineData("recvonly", SdpDirection.SendOnly, false)]
    [InlineData("sendrecv", SdpDirection.SendRecv, false)]
    public void Direction_attributes_are_answered_per_rfc3264(string offered, SdpDirection expected, bool held)
    {
        var r = Create().Answer(SdpSamples.Hold(SdpSamples.Baresip, offered));
        Assert.Equal(expected, r.Media!.Direction);
        Assert.Equal(held, r.Media.IsHeld);
        Assert.Contains("a=" + expected.ToAttributeName() + "\r\n", r.LocalDescription!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reinvite_hold_with_zero_address_then_resume_bumps_version_only_on_change()
    {
        var oa = Create();
        var first = oa.Answer(SdpSamples.Baresip);
        ulong v1 = first.LocalDescription!.Origin.SessionVersion;

        var same = oa.Answer(SdpSamples.Baresip);
        Assert.Equal(v1, same.LocalDescription!.Origin.SessionVersion);

        var hold = oa.Answer(SdpSamples.Baresip.Replace("c=IN IP4 192.168.1.20", "c=IN IP4 0.0.0.0", StringComparison.Ordinal));
        Assert.True(hold.Media!.IsHeld);
        Assert.Null(hold.Media.RemoteEndPoint);
        Assert.Equal(SdpDirection.RecvOnly, hold.Media.Direction);
        Assert.Equal(v1 + 1, hold.LocalDescription!.Origin.SessionVersion);
        Assert.Equal(first.LocalDescription.Origin.SessionId, hold.LocalDescription.Origin.SessionId);

        var resume = oa.Answer(SdpSamples.Baresip.Replace("10358", "10400", StringComparison.Ordinal));
        Assert.False(resume.Media!.IsHeld);
        Assert.Equal(10400, resume.Media.RemoteEndPoint!.Port);
        Assert.Equal(v1 + 2, resume.LocalDescription!.Origin.SessionVersion);
        Assert.Same(resume.Media, oa.Current);
    }

    [Fact]
    public void Extra_video_stream_is_rejected_with_port_zero()
    {
        string offer = SdpSamples.Sipp + "m=video 6002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
        var r = Create().Answer(offer);
        Assert.Equal(2, r.LocalDescription!.Media.Count);
        Assert.Equal(0, r.LocalDescription.Media[1].Port);
        Assert.Equal("video", r.LocalDescription.Media[1].Media);
    }

    [Fact]
    public void Late_offer_then_answer_in_ack()
    {
        var oa = Create();
        var offer = oa.CreateOffer().ToString();
        Assert.Contains("m=audio 20000 RTP/AVP 0 8 101\r\n", offer, StringComparison.Ordinal);
        Assert.Contains("a=ptime:20\r\n", offer, StringComparison.Ordinal);

        const string answer =
            "v=0\r\no=- 5 5 IN IP4 10.1.1.1\r\ns=-\r\nc=IN IP4 10.1.1.1\r\nt=0 0\r\n" +
            "m=audio 7000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:40\r\na=sendrecv\r\n";
        var r = oa.ApplyAnswer(answer);
        Assert.True(r.Success);
        Assert.Equal(RtpAudioCodec.Pcma, r.Media.Codec);
        Assert.Equal(101, r.Media.TelephoneEventPayloadType);
        Assert.Equal(40, r.Media.PtimeMs);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.1.1.1"), 7000), r.Media.RemoteEndPoint);
        Assert.Equal(SdpDirection.SendRecv, r.Media.Direction);
    }

    [Fact]
    public void Answer_rejecting_audio_fails()
    {
        var oa = Create();
        oa.CreateOffer();
        var r = oa.ApplyAnswer("v=0\r\no=- 5 5 IN IP4 10.1.1.1\r\ns=-\r\nc=IN IP4 10.1.1.1\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n");
        Assert.Equal(SdpNegotiationError.NoAudioStream, r.Error);
    }
}
