using System.Buffers;
using System.Text;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Message;

public class SipMessageBuildTests
{
    [Fact]
    public void CreateFor_copies_the_dialog_headers_and_adds_the_to_tag()
    {
        var request = (SipRequest)SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Invite));

        var response = SipResponse.CreateFor(request, 180, toTag: "as83kd");

        Assert.Equal(180, response.StatusCode);
        Assert.Equal("Ringing", response.ReasonPhrase);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal("as83kd", response.To!.Tag);
        Assert.Equal(request.From!.Tag, response.From!.Tag);
        Assert.Equal("z9hG4bK776asdhds", response.TopVia!.Branch);
        Assert.Null(response.Contact);
        Assert.Null(response.MaxForwards);
    }

    [Fact]
    public void A_built_request_serializes_and_parses_back()
    {
        var request = new SipRequest(SipMethods.Bye, SipUri.Parse("sip:caller@192.0.2.10:5060"));
        request.Headers.Add(SipHeaderId.Via, SipVia.Create("UDP", "192.0.2.20", 5060, "z9hG4bKbye77").ToString());
        request.Headers.Add(SipHeaderId.MaxForwards, "70");
        request.Headers.Add(SipHeaderId.From, new SipNameAddr(SipUri.Parse("sip:165@ivr.example.id"), "VIKA 165").WithTag("t1").ToString());
        request.Headers.Add(SipHeaderId.To, "<sip:caller@example.id>;tag=t2");
        request.Headers.Add(SipHeaderId.CallId, "built-1");
        request.Headers.Add(SipHeaderId.CSeq, new SipCSeq(2, SipMethods.Bye).ToString());
        request.SetBody(Encoding.ASCII.GetBytes("hi"), "text/plain");

        var writer = new ArrayBufferWriter<byte>();
        var length = SipSerializer.Write(request, writer);
        var parsed = (SipRequest)SipParser.Parse(writer.WrittenSpan);

        Assert.Equal(writer.WrittenCount, length);
        Assert.Equal(SipSerializer.Measure(request), length);
        Assert.Same(SipMethods.Bye, parsed.Method);
        Assert.Equal("sip:caller@192.0.2.10:5060", parsed.RequestUri.ToString());
        Assert.Equal("VIKA 165", parsed.From!.DisplayName);
        Assert.Equal("t1", parsed.From.Tag);
        Assert.True(parsed.TopVia!.HasRport);
        Assert.Equal(2, parsed.ContentLength);
        Assert.Equal("hi", Encoding.ASCII.GetString(parsed.Body.Span));
    }

    [Fact]
    public void Editing_a_parsed_message_rewrites_only_what_changed()
    {
        var m = SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Invite));
        var before = m.TopVia;

        m.Headers.InsertFirst(SipHeaderId.Via, "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKtop");
        m.Headers.Set("Max-Forwards", "69");
        m.Headers.Remove("User-Agent");
        m.Headers.Add("X-Vika", "1");
        m.Body = Encoding.ASCII.GetBytes("short");

        Assert.NotSame(before, m.TopVia);
        Assert.Equal(["z9hG4bKtop", "z9hG4bK776asdhds"], m.Vias.Select(v => v.Branch));
        Assert.Equal(69, m.MaxForwards);
        var text = Encoding.UTF8.GetString(SipSerializer.ToArray(m));
        Assert.DoesNotContain("User-Agent", text, StringComparison.Ordinal);
        Assert.Contains("From: \"Budi, S.\" <sip:+6281234567890@trunk.example.id>;tag=1928301774\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Content-Length: 5\r\n\r\nshort", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split("Content-Length").Length - 1);
    }

    [Fact]
    public void Replacing_the_request_uri_or_reason_is_serialized()
    {
        var request = (SipRequest)SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Invite));
        _ = request.RequestUri;
        Assert.StartsWith("INVITE sip:165@ivr.example.id SIP/2.0\r\n", Encoding.UTF8.GetString(SipSerializer.ToArray(request)), StringComparison.Ordinal);

        request.RequestUri = SipUri.Parse("sip:165@[2001:db8::5]:5080");
        Assert.StartsWith("INVITE sip:165@[2001:db8::5]:5080 SIP/2.0\r\n", Encoding.UTF8.GetString(SipSerializer.ToArray(request)), StringComparison.Ordinal);

        var response = (SipResponse)SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Ok));
        response.ReasonPhrase = "Baik";
        Assert.StartsWith("SIP/2.0 200 Baik\r\n", Encoding.UTF8.GetString(SipSerializer.ToArray(response)), StringComparison.Ordinal);
    }

    [Fact]
    public void Header_collection_is_case_insensitive_and_removes_by_compact_name()
    {
        var headers = new SipHeaderCollection();
        headers.Add("Call-ID", "a");
        headers.Add("X-Custom", "1");
        headers.Add("x-custom", "2");

        Assert.Equal("a", headers.Get("i"));
        Assert.Equal(["1", "2"], headers.GetAll("X-CUSTOM"));
        Assert.Equal(1, headers.Remove("I"));
        Assert.Equal(2, headers.Remove("x-custom"));
        Assert.Equal(0, headers.Count);
    }

    [Fact]
    public void Built_lines_keep_their_names_as_written_canonical_compact_or_unknown()
    {
        var response = new SipResponse(200);
        response.Headers.Add(SipHeaderId.Via, "SIP/2.0/UDP a;branch=z9hG4bK1");
        response.Headers.Add("i", "compact-1");
        response.Headers.Add("X-Custom", "x");
        response.Headers.Add("contact", "<sip:a@b>");
        response.Headers.Set(SipHeaderId.Via, "SIP/2.0/UDP b;branch=z9hG4bK2");
        response.Headers.Insert(0, "Max-Forwards", "70");

        Assert.Equal(
            ["Max-Forwards: 70", "Via: SIP/2.0/UDP b;branch=z9hG4bK2", "i: compact-1", "X-Custom: x", "contact: <sip:a@b>"],
            response.Headers.Select(h => h.Name + ": " + h.Value));
        Assert.Equal("compact-1", response.Headers.Get(SipHeaderId.CallId));
        Assert.Equal("x", response.Headers.Get("x-custom"));
        Assert.Equal(
            "SIP/2.0 200 OK\r\nMax-Forwards: 70\r\nVia: SIP/2.0/UDP b;branch=z9hG4bK2\r\ni: compact-1\r\nX-Custom: x\r\ncontact: <sip:a@b>\r\nContent-Length: 0\r\n\r\n",
            Encoding.ASCII.GetString(SipSerializer.ToArray(response)));
    }

    [Fact]
    public void Name_addr_and_uri_round_trip_through_strings()
    {
        var na = SipNameAddr.Parse("\"A \\\"B\\\"\" <sip:u:pw@[2001:db8::2]:5070;transport=tcp?Subject=x>;tag=7;expires=60");

        Assert.Equal("A \"B\"", na.DisplayName);
        Assert.Equal("pw", na.Uri.Password);
        Assert.Equal("x", na.Uri.Headers.Get("Subject"));
        Assert.Equal("60", na.Parameters.Get("expires"));
        Assert.Equal(na.ToString(), SipNameAddr.Parse(na.ToString()).ToString());
        Assert.Equal("sip:u:pw@[2001:db8::2]:5070;transport=tcp;lr?Subject=x", na.Uri.WithParameter("lr", null).ToString());
        Assert.True(SipNameAddr.Parse("*").IsWildcard);
    }

    [Fact]
    public void Auth_headers_expose_scheme_and_unquoted_parameters()
    {
        Assert.True(SipAuthHeaderValue.TryParse("Digest realm=\"vika\", nonce=\"abc,def\", algorithm=MD5, qop=\"auth\"", out var auth));

        Assert.True(auth.IsDigest);
        Assert.Equal("vika", auth.Parameters.GetUnquoted("realm"));
        Assert.Equal("abc,def", auth.Parameters.GetUnquoted("nonce"));
        Assert.Equal("MD5", auth.Parameters.Get("algorithm"));
    }

    [Fact]
    public void Describe_shows_parsed_structure()
    {
        var m = SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Invite));

        var text = SipMessageFormatter.Describe(m);

        Assert.StartsWith("Request  INVITE sip:165@ivr.example.id", text, StringComparison.Ordinal);
        Assert.Contains("via transport=UDP host=192.0.2.10 port=5060 branch=z9hG4bK776asdhds received=- rport=(empty)", text, StringComparison.Ordinal);
        Assert.Contains("tag=1928301774", text, StringComparison.Ordinal);
        Assert.Contains("number=314159 method=INVITE", text, StringComparison.Ordinal);
        Assert.Contains("Body: " + SipTestMessages.Sdp.Length + " bytes of application/sdp", text, StringComparison.Ordinal);
    }
}
