using System.Net;
using System.Text;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Transport;

/// <summary>
/// The top Via stamp (RFC 3261 18.2.1, RFC 3581) and the To tag of a response, whether written into
/// the request's bytes when sent or built as a new value: the same text on the wire and when read.
/// </summary>
public sealed class SipResponseRouterTests
{
    private static readonly SipEndPoint Source = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062));

    [Theory]
    [InlineData("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1;rport", "SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1;rport=5062")]
    [InlineData("SIP/2.0/UDP 10.1.1.1:5060;rport;branch=z9hG4bK1", "SIP/2.0/UDP 10.1.1.1:5060;rport=5062;branch=z9hG4bK1;received=192.0.2.10")]
    [InlineData("SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK1", "SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK1;received=192.0.2.10")]
    [InlineData("SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK1;received=10.9.9.9;rport", "SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK1;received=192.0.2.10;rport=5062")]
    [InlineData("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1;rport=", "SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1;rport=5062")]
    [InlineData("sip / 2.0 / udp 10.1.1.1 ; branch=z9hG4bK1 ;rport", "sip/2.0/UDP 10.1.1.1;branch=z9hG4bK1;rport=5062;received=192.0.2.10")]
    [InlineData("SIP/2.0/UDP 10.1.1.1;rport;branch=z9hG4bK1, SIP/2.0/UDP 10.2.2.2;branch=z9hG4bK2", "SIP/2.0/UDP 10.1.1.1;rport=5062;branch=z9hG4bK1;received=192.0.2.10, SIP/2.0/UDP 10.2.2.2;branch=z9hG4bK2")]
    [InlineData("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1;rport=5062", "SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1;rport=5062")]
    public void The_stamped_via_reads_and_is_sent_as_the_stamped_text(string via, string stamped)
    {
        var request = Parse(via);
        var response = SipResponse.CreateFor(request, 200, toTag: "t1");
        SipResponseRouter.StampTopVia(response, Source);

        var sent = Encoding.UTF8.GetString(SipSerializer.ToArray(response));
        Assert.Contains("\r\nVia: " + stamped + "\r\n", sent, StringComparison.Ordinal);
        Assert.Contains("\r\nTo: <sip:165@10.0.0.1>;tag=t1\r\n", sent, StringComparison.Ordinal);
        Assert.Equal(sent, Encoding.UTF8.GetString(SipSerializer.ToArray(response)));
        Assert.Equal(stamped, response.Headers.Get(SipHeaderId.Via));
        Assert.Equal("<sip:165@10.0.0.1>;tag=t1", response.Headers.Get(SipHeaderId.To));
        Assert.Equal("t1", response.To?.Tag);
        Assert.Equal(stamped.Split(", ")[0], response.TopVia?.ToString());
    }

    private static SipRequest Parse(string via) => (SipRequest)SipParser.Parse(Encoding.ASCII.GetBytes(
        "INVITE sip:165@10.0.0.1 SIP/2.0\r\n"
        + "Via: " + via + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:0812@192.0.2.10>;tag=a\r\n"
        + "To: <sip:165@10.0.0.1>\r\n"
        + "Call-ID: c1\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Content-Length: 0\r\n\r\n"));
}
