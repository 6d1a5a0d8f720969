using System.Text;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Message;

public class SipStreamFramerTests
{
    private readonly SipStreamFramer _framer = new(SipParserOptions.Default);

    [Fact]
    public void A_whole_message_is_framed_by_its_content_length()
    {
        var data = SipTestMessages.Bytes(SipTestMessages.Invite + SipTestMessages.Ok);

        var first = _framer.Frame(data);

        Assert.Equal(SipFrameStatus.Complete, first.Status);
        Assert.Equal(0, first.Skip);
        Assert.Equal(SipTestMessages.Bytes(SipTestMessages.Invite).Length, first.Length);
        var second = _framer.Frame(data.AsSpan(first.Skip + first.Length));
        Assert.Equal(SipFrameStatus.Complete, second.Status);
        Assert.Equal(SipTestMessages.Ok.Length, second.Length);
    }

    [Fact]
    public void Crlf_keep_alives_are_skipped_and_reported()
    {
        var data = SipTestMessages.Bytes("\r\n\r\n" + SipTestMessages.Bye);

        var frame = _framer.Frame(data);

        Assert.Equal(SipFrameStatus.Complete, frame.Status);
        Assert.Equal(4, frame.Skip);
        Assert.True(frame.SawKeepAlive);
        Assert.Equal(SipTestMessages.Bye.Length, frame.Length);

        var onlyPing = _framer.Frame("\r\n\r\n"u8);
        Assert.Equal(SipFrameStatus.NeedMore, onlyPing.Status);
        Assert.Equal(4, onlyPing.Skip);
    }

    [Fact]
    public void Split_reads_need_more_until_the_last_byte()
    {
        var data = SipTestMessages.Bytes(SipTestMessages.Invite);
        for (var cut = 0; cut < data.Length; cut++)
        {
            Assert.Equal(SipFrameStatus.NeedMore, _framer.Frame(data.AsSpan(0, cut)).Status);
        }

        var frame = _framer.Frame(data);
        Assert.Equal(SipFrameStatus.Complete, frame.Status);
        Assert.True(SipParser.TryParse(data.AsSpan(frame.Skip, frame.Length), SipParserOptions.Default, out _, out _));
    }

    [Fact]
    public void Compact_content_length_is_understood()
    {
        var frame = _framer.Frame(SipTestMessages.Bytes(SipTestMessages.Bye));

        Assert.Equal(SipFrameStatus.Complete, frame.Status);
    }

    [Fact]
    public void Missing_content_length_on_a_stream_is_an_error()
    {
        var frame = _framer.Frame("OPTIONS sip:x@h SIP/2.0\r\nCall-ID: a\r\n\r\n"u8);

        Assert.Equal(SipFrameStatus.Error, frame.Status);
        Assert.Contains("Missing Content-Length", frame.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_headers_and_huge_content_length_are_errors()
    {
        var endless = Encoding.ASCII.GetBytes("OPTIONS sip:x@h SIP/2.0\r\n" + new string('X', 70 * 1024));
        Assert.Equal(SipFrameStatus.Error, _framer.Frame(endless).Status);

        var huge = _framer.Frame("OPTIONS sip:x@h SIP/2.0\r\nContent-Length: 999999\r\n\r\n"u8);
        Assert.Equal(SipFrameStatus.Error, huge.Status);

        var negative = _framer.Frame("OPTIONS sip:x@h SIP/2.0\r\nl: -1\r\n\r\n"u8);
        Assert.Equal(SipFrameStatus.Error, negative.Status);
    }
}
