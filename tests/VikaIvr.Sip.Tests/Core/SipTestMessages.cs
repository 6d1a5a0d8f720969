namespace VikaIvr.Sip.Tests.Core;

/// <summary>Raw requests as a caller would send them.</summary>
public static class SipTestMessages
{
    public const string Sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

    public static string Invite(string user = "165", string branch = "z9hG4bKinv1", string callId = "call-1", uint cseq = 1,
        bool withSdp = true, string extra = "", string fromTag = "caller1")
    {
        var body = withSdp ? Sdp : string.Empty;
        return $"INVITE sip:{user}@10.0.0.1 SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 192.0.2.10:5062;branch={branch};rport\r\n"
            + "Max-Forwards: 70\r\n"
            + $"From: \"Caller\" <sip:0812@192.0.2.10>;tag={fromTag}\r\n"
            + $"To: <sip:{user}@10.0.0.1>\r\n"
            + $"Call-ID: {callId}\r\n"
            + $"CSeq: {cseq} INVITE\r\n"
            + "Contact: <sip:0812@192.0.2.10:5062>\r\n"
            + extra
            + (withSdp ? "Content-Type: application/sdp\r\n" : string.Empty)
            + $"Content-Length: {body.Length}\r\n\r\n" + body;
    }

    public static string InDialog(string method, string toTag, uint cseq, string branch, string callId = "call-1", string extra = "", string body = "", string contentType = "")
    {
        return $"{method} sip:165@10.0.0.1 SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 192.0.2.10:5062;branch={branch};rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: \"Caller\" <sip:0812@192.0.2.10>;tag=caller1\r\n"
            + $"To: <sip:165@10.0.0.1>;tag={toTag}\r\n"
            + $"Call-ID: {callId}\r\n"
            + $"CSeq: {cseq} {method}\r\n"
            + extra
            + (contentType.Length > 0 ? $"Content-Type: {contentType}\r\n" : string.Empty)
            + $"Content-Length: {body.Length}\r\n\r\n" + body;
    }

    public static string Cancel(string branch = "z9hG4bKinv1", string callId = "call-1", uint cseq = 1) =>
        $"CANCEL sip:165@10.0.0.1 SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP 192.0.2.10:5062;branch={branch};rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: \"Caller\" <sip:0812@192.0.2.10>;tag=caller1\r\n"
        + "To: <sip:165@10.0.0.1>\r\n"
        + $"Call-ID: {callId}\r\n"
        + $"CSeq: {cseq} CANCEL\r\n"
        + "Content-Length: 0\r\n\r\n";

    public static string Options(string user = "165", string branch = "z9hG4bKopt1", string extra = "") =>
        $"OPTIONS sip:{user}@10.0.0.1 SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP 192.0.2.10:5062;branch={branch};rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:probe@192.0.2.10>;tag=p1\r\n"
        + $"To: <sip:{user}@10.0.0.1>\r\n"
        + "Call-ID: opt-1\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n";
}
