using System.Text;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Message;

public class SipParserLimitTests
{
    private static readonly byte[] Invite = SipTestMessages.Bytes(SipTestMessages.Invite);

    [Fact]
    public void A_message_over_the_size_limit_is_refused_with_513()
    {
        var big = new byte[(64 * 1024) + 1];
        Invite.CopyTo(big, 0);

        Assert.False(SipParser.TryParse(big, SipParserOptions.Default, out _, out var error));
        Assert.Equal(513, error!.StatusCode);
    }

    [Fact]
    public void More_headers_than_allowed_are_refused()
    {
        var sb = new StringBuilder("OPTIONS sip:x@h SIP/2.0\r\n");
        for (var i = 0; i < 11; i++)
        {
            sb.Append("X-H").Append(i).Append(": v\r\n");
        }

        var options = new SipParserOptions { MaxHeaders = 10 };
        Assert.False(SipParser.TryParse(Encoding.ASCII.GetBytes(sb.Append("\r\n").ToString()), options, out _, out var error));
        Assert.Contains("Too many headers", error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_headers_beyond_the_stack_buffer_are_all_kept_in_order()
    {
        var text = SipTestMessages.Invite;
        var cut = text.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        var sb = new StringBuilder(text[..cut]);
        for (var i = 0; i < 100; i++)
        {
            sb.Append("X-H").Append(i).Append(": v").Append(i).Append("\r\n");
        }

        var m = SipParser.Parse(Encoding.ASCII.GetBytes(sb.Append(text[cut..]).ToString()));

        Assert.Equal("v0", m.Headers.Get("X-H0"));
        Assert.Equal("v99", m.Headers.Get("x-h99"));
        Assert.Equal("X-H57", m.Headers[57].Name);
        Assert.NotNull(m.CallId);
    }

    [Fact]
    public void Edited_lines_are_written_from_their_strings_and_others_byte_for_byte()
    {
        var m = SipParser.Parse(Invite);
        m.Headers.Set(SipHeaderId.MaxForwards, "69");
        m.Headers.Add("X-Added", "yes");
        m.Headers.RemoveFirst("Via");

        var text = Encoding.ASCII.GetString(SipSerializer.ToArray(m));

        Assert.Contains("Max-Forwards: 69\r\n", text, StringComparison.Ordinal);
        Assert.Contains("X-Added: yes\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Via:", text, StringComparison.Ordinal);
        Assert.Equal("69", m.Headers.Get(SipHeaderId.MaxForwards));
        Assert.Equal(69, m.MaxForwards);
    }

    [Fact]
    public void A_lying_content_length_is_an_error_with_the_headers_kept()
    {
        var text = SipTestMessages.Invite.Replace("Content-Length: " + SipTestMessages.Sdp.Length, "Content-Length: 5000", StringComparison.Ordinal);

        Assert.False(SipParser.TryParse(Encoding.ASCII.GetBytes(text), SipParserOptions.Default, out _, out var error));
        Assert.Contains("Content-Length larger than the message", error!.Reason, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("a84b4c76e66710@192.0.2.10", error.PartialRequest!.CallId);
    }

    [Fact]
    public void Bytes_after_the_announced_body_are_ignored()
    {
        var data = new byte[Invite.Length + 10];
        Invite.CopyTo(data, 0);
        "NOISENOISE"u8.CopyTo(data.AsSpan(Invite.Length));

        var m = SipParser.Parse(data);
        Assert.Equal(SipTestMessages.Sdp.Length, m.Body.Length);
    }

    [Fact]
    public void Random_truncations_and_corruptions_never_throw()
    {
        var random = new Random(4475);
        var corpus = new[] { Invite, SipTestMessages.Bytes(SipTestMessages.Ok), SipTestMessages.Bytes(SipTestMessages.Bye) };
        for (var round = 0; round < 3000; round++)
        {
            var source = corpus[round % corpus.Length];
            var data = source.AsSpan(0, random.Next(source.Length + 1)).ToArray();
            if (round % 2 == 1 && data.Length > 0)
            {
                data[random.Next(data.Length)] = (byte)random.Next(256);
            }

            if (SipParser.TryParse(data, SipParserOptions.Default, out var m, out var error))
            {
                _ = SipMessageFormatter.Describe(m);
                _ = SipSerializer.ToArray(m);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error!.Reason));
                if (error.PartialMessage is { } partial)
                {
                    _ = SipMessageFormatter.Describe(partial);
                }
            }
        }
    }

    [Fact]
    public void Parsing_from_memory_keeps_the_buffer_without_copying()
    {
        var buffer = (byte[])Invite.Clone();
        var ok = SipParser.TryParse(buffer.AsMemory(), SipParserOptions.Default, out var m, out _);

        Assert.True(ok);
        buffer[^1] = (byte)'X';
        Assert.Equal((byte)'X', m!.Body.Span[^1]);
    }
}
