using System.Text;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Message;

public class SipParserGrammarTests
{
    private static SipMessage Parse(string text) => SipParser.Parse(Encoding.UTF8.GetBytes(text));

    private static string Request(string extraHeaders, string uri = "sip:165@ivr.example.id") =>
        "OPTIONS " + uri + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKa\r\n"
        + "From: <sip:a@example.id>;tag=1\r\nTo: <sip:165@ivr.example.id>\r\n"
        + "Call-ID: g1\r\nCSeq: 1 OPTIONS\r\n" + extraHeaders + "Content-Length: 0\r\n\r\n";

    [Fact]
    public void Compact_forms_resolve_to_the_long_names()
    {
        var m = Parse("INVITE sip:x@example.id SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bKc\r\nf: <sip:a@h>;tag=9\r\n"
            + "t: sip:x@example.id\r\ni: c1\r\nCSeq: 1 INVITE\r\nm: <sip:a@h:5062>\r\nk: timer\r\no: refer\r\n"
            + "r: <sip:b@h>\r\nb: <sip:a@h>\r\nu: refer\r\ns: hello\r\ne: gzip\r\nx: 1800\r\nc: text/plain\r\nl: 3\r\n\r\nabc");

        Assert.Equal("c1", m.CallId);
        Assert.Equal(5062, m.Contact!.Uri.Port);
        Assert.Equal(["timer"], m.Supported);
        Assert.Equal("refer", m.Event!.Value);
        Assert.Equal("b", m.ReferTo!.Uri.User);
        Assert.Equal("a", m.ReferredBy!.Uri.User);
        Assert.Equal("refer", m.Headers.Get("Allow-Events"));
        Assert.Equal("hello", m.Headers.Get("Subject"));
        Assert.Equal("gzip", m.Headers.Get("content-encoding"));
        Assert.Equal("1800", m.Headers.Get("Session-Expires"));
        Assert.Equal("text/plain", m.ContentType!.MediaType);
        Assert.Equal("abc", Encoding.ASCII.GetString(m.Body.Span));
        Assert.Equal("x", m.Headers.Get("t")![4..5]);
    }

    [Fact]
    public void Folded_values_collapse_to_single_spaces()
    {
        var m = Parse(Request("Subject: one\r\n  two\r\n\tthree\r\n"));

        Assert.Equal("one two three", m.Headers.Get("Subject"));
    }

    [Fact]
    public void Comma_lists_ignore_commas_in_quotes_and_angle_brackets()
    {
        var m = Parse(Request("Contact: \"Doe, John\" <sip:j@h;x=1,2>;q=0.5, <sip:k@h>, \"a\\\",b\" <sip:l@h>\r\n"));

        Assert.Equal(3, m.Contacts.Count);
        Assert.Equal("Doe, John", m.Contacts[0].DisplayName);
        Assert.Equal("1,2", m.Contacts[0].Uri.Parameters.Get("x"));
        Assert.Equal("0.5", m.Contacts[0].Parameters.Get("q"));
        Assert.Equal("a\",b", m.Contacts[2].DisplayName);
        Assert.Equal(3, m.Headers.GetAll("m").Count);
    }

    [Fact]
    public void Via_lists_across_lines_and_commas_keep_order()
    {
        var m = Parse("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/TCP b:5070;branch=z9hG4bK2\r\n"
            + "Via: SIP/2.0/TLS [2001:db8::9]:5061;branch=z9hG4bK3;received=[2001:db8::10];rport=5999\r\n"
            + "From: <sip:a@h>;tag=1\r\nTo: <sip:b@h>;tag=2\r\nCall-ID: v\r\nCSeq: 7 INVITE\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(["a", "b", "[2001:db8::9]"], m.Vias.Select(v => v.Host));
        Assert.Equal(5070, m.Vias[1].Port);
        Assert.Equal(5061, m.Vias[2].Port);
        Assert.Equal("[2001:db8::10]", m.Vias[2].Received);
        Assert.Equal(5999, m.Vias[2].Rport);
        Assert.Equal("z9hG4bK1", m.TopVia!.Branch);
    }

    [Fact]
    public void Ipv6_request_uri_and_tel_uri()
    {
        var m = (SipRequest)Parse(Request("", "sip:alice@[2001:db8::1]:5060;transport=tcp"));
        Assert.Equal("[2001:db8::1]", m.RequestUri.Host);
        Assert.True(m.RequestUri.HostIsIPv6);
        Assert.Equal(5060, m.RequestUri.Port);
        Assert.Equal("tcp", m.RequestUri.Parameters.Get("transport"));

        var tel = (SipRequest)Parse(Request("", "tel:+62-21-165;phone-context=example.id"));
        Assert.True(tel.RequestUri.IsTel);
        Assert.Equal("+62-21-165", tel.RequestUri.User);
        Assert.Equal("example.id", tel.RequestUri.Parameters.Get("phone-context"));
    }

    [Fact]
    public void Percent_escapes_including_nul_are_kept_and_decoded_on_demand()
    {
        var uri = SipUri.Parse("sip:a%00b%41@example.id");

        Assert.Equal("a%00b%41", uri.User);
        Assert.Equal("a\0bA", uri.UnescapedUser);
        Assert.Equal(4, uri.UnescapedUser!.Length);
        Assert.Equal("sip:a%00b%41@example.id", uri.ToString());
    }

    [Fact]
    public void Unknown_methods_and_headers_survive_a_round_trip()
    {
        var text = "FOOBAR sip:x@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKf\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:x@h>\r\n"
            + "Call-ID: f\r\nCSeq: 3 FOOBAR\r\nX-Weird: ;;,, \"odd\r\n  folded\r\nContent-Length: 0\r\n\r\n";
        var m = (SipRequest)Parse(text);

        Assert.Equal("FOOBAR", m.Method);
        Assert.Equal(";;,, \"odd folded", m.Headers.Get("x-weird"));
        Assert.Equal(text, Encoding.UTF8.GetString(SipSerializer.ToArray(m)));
    }

    [Theory]
    [InlineData("OPTIONS sip:x@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKq\r\n")]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("garbage without a line end")]
    [InlineData("OPTIONS sip:x@h SIP/2.0\r\nNoColonHere\r\n\r\n")]
    [InlineData("OPTIONS sip:x@h SIP/2.0\r\n folded-first: x\r\n\r\n")]
    [InlineData("SIP/2.0 20 OK\r\n\r\n")]
    public void Malformed_input_is_an_error_not_an_exception(string text)
    {
        var ok = SipParser.TryParse(Encoding.UTF8.GetBytes(text), SipParserOptions.Default, out var m, out var error);

        Assert.False(ok);
        Assert.Null(m);
        Assert.Equal(400, error!.StatusCode);
    }

    [Fact]
    public void Leading_crlf_before_the_start_line_is_ignored()
    {
        Assert.Equal("g1", Parse("\r\n\r\n" + Request("")).CallId);
    }
}
