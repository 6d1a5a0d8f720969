using System.Text;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Message;

/// <summary>
/// The one rule for where headers end, shared by the stream framer and the parser's reading. The
/// sip fuzz target found the mixed form: a header line ending in a bare LF followed by an empty
/// CRLF line ends the headers for the parser, while the framer (and the fuzz check) looked only for
/// CRLF CRLF and LF LF, so a NUL in the body was taken for one in the headers.
/// </summary>
public sealed class SipHeaderEndTests
{
    [Theory]
    [InlineData("A: 1\r\nB: 2\r\n\r\nbody", 10, 4)]
    [InlineData("A: 1\nB: 2\n\nbody", 9, 2)]
    [InlineData("A: 1\nB: 2\n\r\nbody", 9, 3)]
    [InlineData("A: 1\r\nB: 2\r\n\nbody", 10, 3)]
    [InlineData("A: 1\r\nB: 2\r\n\r", -1, 0)]
    [InlineData("A: 1\r\nB: 2\r\n", -1, 0)]
    [InlineData("A: 1\r\nB: 2\rC\r\n\r\n", 12, 4)]
    public void The_first_empty_line_after_a_line_feed_ends_the_headers(string text, int end, int separator)
    {
        int found = SipHeaderEnd.Find(Encoding.ASCII.GetBytes(text), out int separatorLength);

        Assert.Equal(end, found);
        Assert.Equal(separator, separatorLength);
    }

    [Theory]
    [InlineData("\n\r\n")]
    [InlineData("\r\n\n")]
    [InlineData("\n\n")]
    [InlineData("\r\n\r\n")]
    public void Framer_and_parser_agree_on_where_the_body_starts(string separator)
    {
        const string body = "v=0\r\nc=IN IP4 192.0.2.1\0\u0001\r\n";
        var text = Core.SipTestMessages.Options(extra: "Content-Type: application/sdp\r\n")
            .Replace("Content-Length: 0\r\n\r\n", "Content-Length: " + body.Length + separator, StringComparison.Ordinal) + body;
        var bytes = Encoding.ASCII.GetBytes(text);

        var frame = new SipStreamFramer(SipParserOptions.Default).Frame(bytes);
        Assert.True(SipParser.TryParse(bytes, SipParserOptions.Default, out var message, out var error), error?.Reason);

        Assert.Equal(SipFrameStatus.Complete, frame.Status);
        Assert.Equal(bytes.Length, frame.Length);
        Assert.Equal(body, Encoding.ASCII.GetString(message.Body.Span));
    }
}
