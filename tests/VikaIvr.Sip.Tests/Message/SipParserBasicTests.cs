using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Message;

public class SipParserBasicTests
{
    [Fact]
    public void Invite_with_sdp_exposes_typed_views()
    {
        var ok = SipParser.TryParse(SipTestMessages.Bytes(SipTestMessages.Invite), SipParserOptions.Default, out var m, out var error);

        Assert.True(ok, error?.Reason);
        var request = Assert.IsType<SipRequest>(m);
        Assert.Same(SipMethods.Invite, request.Method);
        Assert.Equal("sip:165@ivr.example.id", request.RequestUri.ToString());
        Assert.Equal("165", request.RequestUri.User);
        Assert.Equal("ivr.example.id", request.RequestUri.Host);
        Assert.Equal("a84b4c76e66710@192.0.2.10", request.CallId);
        Assert.Equal(new SipCSeq(314159, "INVITE"), request.CSeq);
        Assert.Equal("Budi, S.", request.From!.DisplayName);
        Assert.Equal("1928301774", request.From.Tag);
        Assert.Null(request.To!.Tag);
        var via = Assert.Single(request.Vias);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("192.0.2.10", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.Equal("z9hG4bK776asdhds", via.Branch);
        Assert.True(via.HasRport);
        Assert.Null(via.Rport);
        Assert.Equal(70, request.MaxForwards);
        Assert.True(request.ContentType!.Is("application/sdp"));
        Assert.Equal(SipTestMessages.Sdp.Length, request.Body.Length);
        Assert.Equal(8, request.Allow.Count);
        Assert.Equal(["replaces", "timer"], request.Supported);
        Assert.Equal(5060, request.Contact!.Uri.Port);
    }

    [Fact]
    public void Response_exposes_status_and_rport()
    {
        var m = Assert.IsType<SipResponse>(SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Ok)));

        Assert.Equal(200, m.StatusCode);
        Assert.Equal("OK", m.ReasonPhrase);
        Assert.Equal("192.0.2.21", m.TopVia!.Received);
        Assert.Equal(5062, m.TopVia.Rport);
        Assert.Equal("a6c85cf", m.To!.Tag);
        Assert.Equal(0, m.Body.Length);
    }

    [Fact]
    public void Compact_forms_and_ipv6_via()
    {
        var m = SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Bye));

        Assert.Equal("bye-call@example.id", m.CallId);
        Assert.Equal("bye-call@example.id", m.Headers.Get("Call-ID"));
        Assert.Equal("bye-call@example.id", m.Headers.Get("call-id"));
        Assert.Equal("bye-call@example.id", m.Headers.Get("i"));
        Assert.Equal("[2001:db8::1]", m.TopVia!.Host);
        Assert.Equal(5060, m.TopVia.Port);
        Assert.Equal("TCP", m.TopVia.Transport);
        Assert.Equal("2", m.To!.Tag);
        Assert.Equal(0, m.ContentLength);
    }
}
