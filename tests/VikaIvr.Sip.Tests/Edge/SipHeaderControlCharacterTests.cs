using System.Text;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Tests.Core;

namespace VikaIvr.Sip.Tests.Edge;

/// <summary>RFC 3261 25.1: header values hold no C0 controls but HTAB (CRLF only as a fold).</summary>
public sealed class SipHeaderControlCharacterTests
{
    [Theory]
    [InlineData("Subject: a\0b\r\n", "Subject")]
    [InlineData("Subject: a\rb\r\n", "Subject")]
    [InlineData("X-Tag: \u0001\r\n", "X-Tag")]
    [InlineData("User-Agent: x\u001by\r\n", "User-Agent")]
    [InlineData("Subject: a\r\n b\r c\r\n", "Subject")]
    public void A_control_character_in_a_header_value_gets_400_naming_the_header(string header, string name)
    {
        var f = new SipUaFixture();
        f.Transport.InjectBytes(Encoding.UTF8.GetBytes(SipTestMessages.Options(extra: header)));

        var refusal = Assert.Single(f.Transport.Responses());
        Assert.Equal(400, refusal.StatusCode);
        Assert.Equal("Bad Request - Control character in header " + name, refusal.ReasonPhrase);
    }

    [Theory]
    [InlineData("Subject: a\tb\r\n")]
    [InlineData("Subject: a\r\n\tfolded\r\n")]
    [InlineData("Subject: caf\u00e9\r\n")]
    public void A_tab_a_fold_or_utf8_is_accepted(string header)
    {
        var f = new SipUaFixture();
        f.Transport.InjectBytes(Encoding.UTF8.GetBytes(SipTestMessages.Options(extra: header)));
        Assert.Single(f.Transport.Responses(200));
    }

    [Fact]
    public void The_parser_refuses_a_nul_with_the_partial_request_so_it_can_be_answered()
    {
        var bytes = Encoding.UTF8.GetBytes(SipTestMessages.Options(extra: "Subject: a\0b\r\n"));
        Assert.False(SipParser.TryParse(bytes, SipParserOptions.Default, out _, out var error));
        Assert.Equal(400, error!.StatusCode);
        Assert.NotNull(error.PartialRequest);
    }
}
