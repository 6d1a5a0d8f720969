using System.Text;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Message;

/// <summary>
/// Inputs the sip fuzz target (scripts/fuzz.sh sip) found: a bare CR at the end or start of a header
/// value was trimmed like a fold's CRLF, so the message was accepted without it instead of being
/// refused (RFC 3261 25.1 allows CR only in CRLF); a raw NUL in a Request-URI's user part was
/// accepted.
/// </summary>
public sealed class SipParserFuzzFindingsTests
{
    [Theory]
    // The finding (RFC 4475 escnull mutated): "From: ...;tag=839923423\r\r\n".
    [InlineData("From: sip:null-%00-null@example.com;tag=839923423\r\r\n", "From")]
    [InlineData("Subject: a\r\r\n", "Subject")]
    [InlineData("Subject: \ra\r\n", "Subject")]
    [InlineData("Subject:\r\r\n", "Subject")]
    public void A_bare_cr_at_either_end_of_a_header_value_is_refused_with_400(string header, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(Core.SipTestMessages.Options(extra: header));

        Assert.False(SipParser.TryParse(bytes, SipParserOptions.Default, out _, out var error));

        Assert.Equal(400, error!.StatusCode);
        Assert.Equal("Control character in header " + name, error.Reason);
        Assert.NotNull(error.PartialRequest);
    }

    [Theory]
    [InlineData("Subject: a\r\n \r\n")]
    [InlineData("Subject:\r\n a\r\n")]
    [InlineData("Subject: a \t\r\n")]
    public void Whitespace_and_folds_around_a_value_are_still_trimmed(string header)
    {
        var bytes = Encoding.UTF8.GetBytes(Core.SipTestMessages.Options(extra: header));

        Assert.True(SipParser.TryParse(bytes, SipParserOptions.Default, out var message, out var error), error?.Reason);

        Assert.Equal("a", message.Headers.Get("Subject"));
    }

    [Theory]
    // The finding: "MESSAGE sip:k\0@erg SIP/2.0".
    [InlineData("sip:k\0@erg")]
    [InlineData("sip:16\u00015@10.0.0.1")]
    [InlineData("sip:165\u007f@10.0.0.1")]
    public void A_control_character_in_the_request_uri_is_refused_with_400(string uri)
    {
        var text = Core.SipTestMessages.Options().Replace("sip:165@10.0.0.1 SIP/2.0", uri + " SIP/2.0", StringComparison.Ordinal);
        Assert.Contains(uri, text, StringComparison.Ordinal);

        Assert.False(SipParser.TryParse(Encoding.UTF8.GetBytes(text), SipParserOptions.Default, out _, out var error));

        Assert.Equal(400, error!.StatusCode);
        Assert.Equal("Invalid Request-URI: control character", error.Reason);
    }

    [Theory]
    // The findings: "SIP/2.0 180 in\u0010\0\n", "SIP/2.0 180 ing\r65@\n", "SIP/2.0 180 \0\u0004g\r\n".
    [InlineData("SIP/2.0 180 in\u0010\0")]
    [InlineData("SIP/2.0 180 ing\r65@")]
    [InlineData("SIP/2.0 180 \0\u0004g")]
    [InlineData("SIP/2.0 180 Ring\u007fing")]
    public void A_control_character_in_a_reason_phrase_refuses_the_response(string statusLine)
    {
        var text = statusLine + "\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKr1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\n"
            + "Call-ID: r1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

        Assert.False(SipParser.TryParse(Encoding.UTF8.GetBytes(text), SipParserOptions.Default, out _, out var error));

        Assert.Equal("Control character in reason phrase", error!.Reason);
    }

    [Fact]
    public void A_reason_phrase_with_a_tab_and_utf8_is_still_accepted()
    {
        var text = "SIP/2.0 180 Berdering\tsekarang \u00e9\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKr1\r\nFrom: <sip:a@b>;tag=1\r\n"
            + "To: <sip:c@d>;tag=2\r\nCall-ID: r1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(text), SipParserOptions.Default, out var message, out var error), error?.Reason);

        Assert.Equal(180, Assert.IsType<SipResponse>(message).StatusCode);
    }
}
