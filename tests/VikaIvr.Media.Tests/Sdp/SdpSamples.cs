namespace VikaIvr.Media.Tests.Sdp;

/// <summary>Offers as real clients send them.</summary>
internal static class SdpSamples
{
    // SIPp's uac_pcap scenario.
    public const string Sipp =
        "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 6000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-11,16\r\n";

    // baresip 3.x with default modules (Opus, G.722 first, then G.711; telephone-event as 101).
    public const string Baresip =
        "v=0\r\no=- 1193279911 1823453281 IN IP4 192.168.1.20\r\ns=-\r\nc=IN IP4 192.168.1.20\r\nt=0 0\r\n" +
        "m=audio 10358 RTP/AVP 111 9 0 8 101\r\nb=AS:128\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 stereo=1;sprop-stereo=1\r\n" +
        "a=rtpmap:9 G722/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\na=sendrecv\r\na=label:1\r\na=ssrc:1916429419 cname:8f0a55c8-e4df-4d8e\r\na=rtcp-rsize\r\na=ptime:20\r\n";

    // A carrier trunk: PCMA first, several codecs, telephone-event on 96 plus a 16 kHz variant, ptime 30.
    public const string Carrier =
        "v=0\n" +
        "o=MTLSBC 1713445602 1713445603 IN IP4 203.0.113.10\n" +
        "s=SBC call\n" +
        "c=IN IP4 203.0.113.10\n" +
        "t=0 0\n" +
        "m=audio 31458 RTP/AVP 8 18 0 4 97 96\n" +
        "a=rtpmap:8 PCMA/8000\n" +
        "a=rtpmap:18 G729/8000\n" +
        "a=fmtp:18 annexb=no\n" +
        "a=rtpmap:0 PCMU/8000\n" +
        "a=rtpmap:4 G723/8000\n" +
        "a=rtpmap:97 telephone-event/16000\n" +
        "a=rtpmap:96 telephone-event/8000\n" +
        "a=fmtp:96 0-15\n" +
        "a=ptime:30\n" +
        "a=maxptime:40\n" +
        "a=sendrecv\n";

    public const string Ipv6 =
        "v=0\r\no=alice 2890844526 2890844527 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 8 0 126\r\na=rtpmap:126 telephone-event/8000\r\n";

    public const string OnlyG729 =
        "v=0\r\no=x 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n";

    public static string Hold(string offer, string attribute) => offer.Replace("a=sendrecv", "a=" + attribute, StringComparison.Ordinal);
}
