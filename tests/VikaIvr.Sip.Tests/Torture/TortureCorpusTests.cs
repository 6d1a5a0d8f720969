using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Torture;

public class TortureCorpusTests
{
    [Fact]
    public void Manifest_lists_every_file_of_rfc4475_section_3()
    {
        var cases = TortureCorpus.Load();

        Assert.Equal(49, cases.Count);
        foreach (var c in cases)
        {
            Assert.True(File.Exists(Path.Combine(TortureCorpus.Directory, c.FileName)), c.Name);
        }

        Assert.Equal(cases.Count, Directory.GetFiles(TortureCorpus.Directory, "*.sip").Length);
    }

    [Theory]
    [MemberData(nameof(TortureCorpus.Names), MemberType = typeof(TortureCorpus))]
    public void Each_case_parses_or_is_refused_as_the_rfc_asks(string name)
    {
        var c = TortureCorpus.Get(name);
        var data = TortureCorpus.ReadBytes(c);

        var ok = SipParser.TryParse(data, SipParserOptions.Default, out var message, out var error);

        if (!c.Parses)
        {
            Assert.False(ok, name + " should be refused");
            Assert.NotNull(error);
            Assert.False(string.IsNullOrWhiteSpace(error.Reason));
            if (c.Statuses.Count > 0)
            {
                Assert.Equal(c.Statuses[0], error.StatusCode);
            }

            return;
        }

        Assert.True(ok, name + ": " + error?.Reason);
        Assert.Equal(c.CallId, message!.CallId);
        Assert.Equal(c.CseqNumber, message.CSeq!.Number);
        Assert.Equal(c.CseqMethod, message.CSeq.Method);
        Assert.Equal(c.Vias, message.Vias.Count);
        Assert.Equal(c.BodyLength, message.Body.Length);
        if (c.StatusCode is { } status)
        {
            Assert.Equal(status, Assert.IsType<SipResponse>(message).StatusCode);
        }
        else
        {
            var request = Assert.IsType<SipRequest>(message);
            Assert.Equal(c.Method, request.Method);
            Assert.Equal(c.RequestUri, request.RequestUriText);
            Assert.Equal(c.RequestUri, request.RequestUri.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(TortureCorpus.Names), MemberType = typeof(TortureCorpus))]
    public void Each_parsed_case_round_trips(string name)
    {
        var c = TortureCorpus.Get(name);
        if (!c.Parses)
        {
            return;
        }

        var first = SipParser.Parse(TortureCorpus.ReadBytes(c));
        var bytes = SipSerializer.ToArray(first);
        var ok = SipParser.TryParse(bytes, SipParserOptions.Default, out var second, out var error);

        Assert.True(ok, error?.Reason);
        Assert.Equal(first.Headers.Count - first.Headers.CountLines(SipHeaderId.ContentLength) + 1, second!.Headers.Count);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.CSeq, second.CSeq);
        Assert.Equal(first.Vias.Count, second.Vias.Count);
        Assert.True(first.Body.Span.SequenceEqual(second.Body.Span));
        Assert.Equal(bytes, SipSerializer.ToArray(second));
    }
}
