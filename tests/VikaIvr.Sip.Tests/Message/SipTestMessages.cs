using System.Text;

namespace VikaIvr.Sip.Tests.Message;

/// <summary>Ordinary trunk messages used across the message tests.</summary>
internal static class SipTestMessages
{
    public const string Sdp =
        "v=0\r\no=- 3724394400 3724394400 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
        + "m=audio 40000 RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
        + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n";

    public static readonly string Invite =
        "INVITE sip:165@ivr.example.id SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "To: <sip:165@ivr.example.id>\r\n"
        + "From: \"Budi, S.\" <sip:+6281234567890@trunk.example.id>;tag=1928301774\r\n"
        + "Call-ID: a84b4c76e66710@192.0.2.10\r\n"
        + "CSeq: 314159 INVITE\r\n"
        + "Contact: <sip:+6281234567890@192.0.2.10:5060>\r\n"
        + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY\r\n"
        + "Supported: replaces, timer\r\n"
        + "User-Agent: TrunkGateway/1.0\r\n"
        + "Content-Type: application/sdp\r\n"
        + "Content-Length: " + Sdp.Length + "\r\n\r\n" + Sdp;

    public const string Ok =
        "SIP/2.0 200 OK\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKnashds8;received=192.0.2.21;rport=5062\r\n"
        + "To: <sip:165@ivr.example.id>;tag=a6c85cf\r\n"
        + "From: <sip:caller@example.id>;tag=1928301774\r\n"
        + "Call-ID: a84b4c76e66710\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "Content-Length: 0\r\n\r\n";

    public const string Bye =
        "BYE sip:165@192.0.2.20 SIP/2.0\r\n"
        + "v: SIP/2.0/TCP [2001:db8::1]:5060;branch=z9hG4bKbye1\r\n"
        + "f: <sip:caller@example.id>;tag=1\r\n"
        + "t: <sip:165@ivr.example.id>;tag=2\r\n"
        + "i: bye-call@example.id\r\n"
        + "CSeq: 2 BYE\r\n"
        + "l: 0\r\n\r\n";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
