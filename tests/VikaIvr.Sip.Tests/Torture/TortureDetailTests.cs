using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Torture;

/// <summary>The finer points each RFC 4475 valid message is about.</summary>
public class TortureDetailTests
{
    private static SipMessage Parse(string name) => SipParser.Parse(TortureCorpus.ReadBytes(name));

    [Fact]
    public void Wsinv_folding_compact_forms_and_unknown_headers()
    {
        var m = (SipRequest)Parse("wsinv");

        Assert.Equal(68, m.MaxForwards);
        Assert.Equal("1918181833n", m.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", m.From!.DisplayName);
        Assert.Equal("98asjd8", m.From.Tag);
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], m.Vias.Select(v => v.Host));
        Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], m.Vias.Select(v => v.Branch));
        Assert.Equal("TCP", m.Vias[1].Transport);
        Assert.Equal("", m.Headers.Get("Subject"));
        Assert.Equal("newfangled value continued newfangled value", m.Headers.Get("NewFangledHeader"));
        Assert.Equal([";;,,;;,;"], m.Headers.GetAll("UnknownHeaderWithUnusualValue"));
        Assert.True(m.RequestUri.Parameters.Contains("unknownparam"));
        var contact = Assert.Single(m.Contacts);
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters.Get("newparam"));
        Assert.True(contact.Parameters.Contains("secondparam"));
        Assert.Equal("0.33", contact.Parameters.Get("q"));
        Assert.True(Assert.Single(m.Routes).Uri.Parameters.Contains("lr"));
    }

    [Fact]
    public void Intmeth_keeps_unusual_characters()
    {
        var m = (SipRequest)Parse("intmeth");

        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", m.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", m.RequestUri.Password);
        Assert.Equal("example.com", m.RequestUri.Host);
        Assert.Equal("BEL:\a NUL:\0 DEL:\u007f", m.To!.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", m.From!.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", m.From.Tag);
        Assert.Equal("\"работающий\"", m.From.Parameters.Get("fromParam''~+*_!.-%"));
        Assert.Equal("\ufeff大停電", m.Headers.Get("extensionHeader-!.%*+_`'~"));
        Assert.Equal("z9hG4bK-.!%66*_+`'~", m.TopVia!.Branch);
    }

    [Fact]
    public void Escapes_are_kept_as_written_and_unescape_on_demand()
    {
        var esc01 = (SipRequest)Parse("esc01");
        Assert.Equal("sips:user@example.com", esc01.RequestUri.UnescapedUser);
        Assert.Equal("user", esc01.To!.Uri.UnescapedUser);
        Assert.Equal("I have spaces", esc01.From!.Uri.UnescapedUser);
        Assert.Equal("v%61lue%25%34%31", esc01.Contact!.Uri.Parameters.Get("n%61me"));
        Assert.Equal("value%41", SipText.Unescape("v%61lue%25%34%31"));

        var escnull = Parse("escnull");
        Assert.Equal("null-\0-null", escnull.To!.Uri.UnescapedUser);
        Assert.Equal(["\0", "\0\0"], escnull.Contacts.Select(c => c.Uri.UnescapedUser));

        var esc02 = (SipRequest)Parse("esc02");
        Assert.Equal("RE%47IST%45R", esc02.Method);
        Assert.Equal("%Z%45", esc02.To!.DisplayName);
        Assert.Equal(2, esc02.Contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", esc02.Headers.Get("C%6Fntact"));
    }

    [Fact]
    public void Other_valid_messages_expose_their_point()
    {
        Assert.Equal("caller", Parse("lwsdisp").From!.DisplayName);
        Assert.Equal("user;par=u%40example.net", ((SipRequest)Parse("semiuri")).RequestUri.User);
        Assert.Equal(6, Parse("semiuri").Accept.Count);
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], Parse("transports").Vias.Select(v => v.Transport));
        Assert.Equal("7a9cbec02ceef655", Parse("mpart01").ContentType!.Parameters.Get("boundary"));
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", ((SipResponse)Parse("unreason")).ReasonPhrase);
        Assert.Equal("", ((SipResponse)Parse("noreason")).ReasonPhrase);
        Assert.Equal(6000, Parse("longreq").To!.Uri.Port);
        Assert.Equal("192.0.2.5", Parse("longreq").Vias[^1].Received);
    }

    [Fact]
    public void Ua_level_cases_expose_what_the_core_needs()
    {
        Assert.False(((SipRequest)Parse("unkscm")).RequestUri.IsSip);
        Assert.Equal("soap.beep", ((SipRequest)Parse("novelsc")).RequestUri.Scheme);
        Assert.Equal("isbn", Parse("unksm2").To!.Uri.Scheme);
        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], Parse("bext01").Require);
        Assert.Equal(2, Parse("bext01").ProxyRequire.Count);
        Assert.Equal("application/unknownformat", Parse("invut").ContentType!.MediaType);
        Assert.Equal("NoOneKnowsThisScheme", Parse("regaut01").Authorization!.Scheme);
        Assert.Equal(0, Parse("zeromf").MaxForwards);
        Assert.False(Parse("badbranch").TopVia!.HasRfc3261Branch);
        Assert.Equal("z9hG4bK", Parse("badbranch").TopVia!.Branch);
        Assert.Null(Parse("inv2543").TopVia!.Branch);
        Assert.Null(Parse("inv2543").From!.Tag);
        Assert.True(Parse("cparam01").Contact!.Parameters.Contains("unknownparam"));
        Assert.True(Parse("cparam02").Contact!.Uri.Parameters.Contains("unknownparam"));
        Assert.Equal("%3Csip:sip.example.com%3E", Parse("regescrt").Contact!.Uri.Headers.Get("Route"));
        Assert.Equal(["text/nobodyKnowsThis"], Parse("sdp01").Accept);
    }

    [Theory]
    [InlineData("badvers", 505, "SIP version 7.0 not supported")]
    [InlineData("clerr", 400, "Content-Length larger than the message")]
    [InlineData("ncl", 400, "Negative Content-Length")]
    [InlineData("mcl01", 400, "Multiple Content-Length")]
    [InlineData("mismatch01", 400, "does not match the request method")]
    [InlineData("badinv01", 400, "Invalid Via header")]
    [InlineData("insuf", 400, "Missing required header")]
    [InlineData("multi01", 400, "Multiple")]
    [InlineData("quotbal", 400, "Invalid To header")]
    [InlineData("escruri", 400, "Request-URI")]
    public void Refusals_name_the_fault(string name, int status, string reason)
    {
        Assert.False(SipParser.TryParse(TortureCorpus.ReadBytes(name), SipParserOptions.Default, out _, out var error));
        Assert.Equal(status, error!.StatusCode);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_request_keeps_enough_to_answer()
    {
        SipParser.TryParse(TortureCorpus.ReadBytes("mismatch01"), SipParserOptions.Default, out _, out var error);

        var partial = error!.PartialRequest!;
        Assert.Equal("mismatch01.dj0234sxdfl3", partial.CallId);
        Assert.Equal("z9hG4bKkdjuw", partial.TopVia!.Branch);
        var response = SipResponse.CreateFor(partial, error.StatusCode, error.Reason);
        Assert.Equal("mismatch01.dj0234sxdfl3", response.CallId);
        Assert.Equal("34525", response.From!.Tag);

        SipParser.TryParse(TortureCorpus.ReadBytes("ltgtruri"), SipParserOptions.Default, out _, out var bracketed);
        Assert.Equal("invalid", bracketed!.PartialRequest!.RequestUri.Scheme);
    }
}
