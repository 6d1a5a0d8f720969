using System.Text;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Tests.Sdp;

/// <summary>
/// An offer read straight from its text (one plain audio stream) is answered byte for byte as the
/// general path answers the parsed description, and anything else still gets the general path's answer.
/// </summary>
public class SdpPlainAnswerTests
{
    private const string Plain =
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8 101\r\n"
        + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    public static TheoryData<string> Offers => new()
    {
        Plain,
        SdpSamples.Sipp,
        SdpSamples.Baresip,
        SdpSamples.Carrier,
        SdpSamples.Ipv6,
        SdpSamples.OnlyG729,
        SdpSamples.Hold(SdpSamples.Baresip, "sendonly"),
        SdpSamples.Hold(SdpSamples.Baresip, "inactive"),
        SdpSamples.Hold(SdpSamples.Baresip, "RECVONLY"),
        Plain.Replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0", StringComparison.Ordinal),
        Plain.Replace("a=ptime:20", "a=ptime:30.0", StringComparison.Ordinal),
        Plain.Replace("a=ptime:20", "a=ptime:5", StringComparison.Ordinal),
        Plain.Replace("a=ptime:20\r\n", "", StringComparison.Ordinal).Replace("t=0 0\r\n", "t=0 0\r\na=ptime:40\r\na=recvonly\r\n", StringComparison.Ordinal),
        Plain.Replace("RTP/AVP 0 8 101", "RTP/AVP 8 0 96", StringComparison.Ordinal).Replace("101 telephone", "96 telephone", StringComparison.Ordinal),
        Plain.Replace("m=audio 40000", "m=audio 40000/2", StringComparison.Ordinal),
        Plain.Replace("RTP/AVP", "RTP/AVPF", StringComparison.Ordinal),
        Plain + "c=IN IP4 10.1.2.3\r\na=ssrc:77 cname:x\r\na=ssrc:78 cname:y\r\n",
        Plain + "c=IN IP4 not-an-address\r\n",
        Plain.Replace("c=IN IP4 127.0.0.1\r\n", "", StringComparison.Ordinal),
        Plain + "m=video 0 RTP/AVP 96\r\n",
        Plain + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n",
        Plain.Replace("m=audio 40000", "m=audio 0", StringComparison.Ordinal),
        Plain.Replace("v=0", "v=1", StringComparison.Ordinal),
        Plain.Replace("o=- 1 1 IN IP4 127.0.0.1", "o=- 1 IN IP4 127.0.0.1", StringComparison.Ordinal),
        Plain.Replace("a=rtpmap:0 PCMU/8000", "a=rtpmap: 0  pcmu/8000 ", StringComparison.Ordinal),
        Plain.Replace("\r\n", "\n", StringComparison.Ordinal),
        Plain + "x\r\n",
    };

    [Theory]
    [MemberData(nameof(Offers))]
    public void The_answer_is_the_general_paths(string offer)
    {
        foreach (var srtp in new[] { SrtpMode.Optional, SrtpMode.Off, SrtpMode.Required })
        {
            var options = new SdpOfferAnswerOptions { Srtp = srtp };
            var text = Create(options);
            var general = Create(options);
            var viaText = text.Answer(Encoding.UTF8.GetBytes(offer));
            var viaObjects = SdpSessionDescription.TryParse(offer, out var sdp, out _) ? general.Answer(sdp) : null;
            if (viaObjects is null)
            {
                Assert.Equal(SdpNegotiationError.Malformed, viaText.Error);
                continue;
            }

            Assert.Equal(viaObjects.Error, viaText.Error);
            Assert.Equal(viaObjects.Reason, viaText.Reason);
            if (viaObjects.Media?.Srtp is null)
            {
                Assert.Equal(viaObjects.Media, viaText.Media);
                Assert.Equal(general.LocalText, text.LocalText);
                Assert.Equal(viaObjects.LocalDescription?.ToString(), viaText.LocalDescription?.ToString());
            }
        }
    }

    [Fact]
    public void A_changed_answer_takes_the_next_version_and_the_same_one_keeps_it()
    {
        var text = Create(new SdpOfferAnswerOptions());
        var general = Create(new SdpOfferAnswerOptions());
        foreach (string offer in new[] { Plain, Plain, SdpSamples.Hold(Plain, "sendonly"), Plain, SdpSamples.Baresip })
        {
            text.Answer(offer);
            general.Answer(SdpSessionDescription.Parse(offer));
            Assert.Equal(general.LocalText, text.LocalText);
        }

        Assert.Equal(general.LocalDescription!.Origin.SessionVersion, text.LocalDescription!.Origin.SessionVersion);
    }

    [Fact]
    public void Our_ssrc_is_announced_on_the_plain_path()
    {
        var text = Create(new SdpOfferAnswerOptions(), ssrc: 3000000001);
        var general = Create(new SdpOfferAnswerOptions(), ssrc: 3000000001);
        text.Answer(Plain);
        general.Answer(SdpSessionDescription.Parse(Plain));
        Assert.Equal(general.LocalText, text.LocalText);
        Assert.Contains("a=ssrc:3000000001 cname:node-7\r\n", text.LocalText, StringComparison.Ordinal);
    }

    private static SdpOfferAnswer Create(SdpOfferAnswerOptions options, uint ssrc = 0)
        => new(options, System.Net.IPAddress.Parse("192.0.2.5"), 20000, sessionId: 4242) { LocalSsrc = ssrc, LocalCname = "node-7" };
}
