using VikaIvr.Sip.Auth;
using VikaIvr.Sip.Core;

namespace VikaIvr.Sip.Tests.Core;

public sealed class SipRefusalTests
{
    [Fact]
    public void Options_gets_200_with_allow_accept_supported_even_for_other_numbers()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Options(user: "999"));
        var ok = Assert.Single(f.Transport.Responses(200));
        Assert.Contains("INVITE", ok.Allow);
        Assert.Contains("application/sdp", ok.Accept);
        Assert.True(ok.Headers.Contains("Supported"));
    }

    [Theory]
    [InlineData("999", 404)]
    [InlineData("021165", 200)]
    [InlineData("+6221165", 200)]
    public async Task Invite_to_other_numbers_gets_404(string user, int expected)
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Invite(user: user));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(expected).Count == 1);
    }

    [Fact]
    public void Unknown_method_gets_405_with_allow()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Options().Replace("OPTIONS", "NEWMETHOD"));
        var r = Assert.Single(f.Transport.Responses(405));
        Assert.Contains("BYE", r.Allow);
    }

    [Fact]
    public void Unknown_require_gets_420_with_unsupported()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Invite(extra: "Require: nothingsupported\r\n"));
        var r = Assert.Single(f.Transport.Responses(420));
        Assert.Equal(["nothingsupported"], r.Unsupported);
    }

    [Fact]
    public void Max_forwards_zero_gets_483()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Invite().Replace("Max-Forwards: 70", "Max-Forwards: 0"));
        Assert.Single(f.Transport.Responses(483));
    }

    [Fact]
    public void Unsupported_uri_scheme_gets_416()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Invite().Replace("INVITE sip:165@10.0.0.1 SIP/2.0", "INVITE mailto:165@example.com SIP/2.0"));
        Assert.Single(f.Transport.Responses(416));
    }

    [Fact]
    public void Merged_request_gets_482()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Invite(branch: "z9hG4bKa"));
        f.Transport.Inject(SipTestMessages.Invite(branch: "z9hG4bKb"));
        Assert.Single(f.Transport.Responses(482));
        Assert.Equal(1, f.Agent.ActiveCalls);
    }

    [Fact]
    public void Source_outside_the_allow_list_gets_403()
    {
        var f = new SipUaFixture(new SipUserAgentOptions { AllowedSources = ["10.0.0.0/8"] });
        f.Transport.Inject(SipTestMessages.Invite());
        Assert.Single(f.Transport.Responses(403));
    }

    [Fact]
    public void Bye_for_an_unknown_dialog_gets_481()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.InDialog("BYE", "nosuchtag", 2, "z9hG4bKbye"));
        Assert.Single(f.Transport.Responses(481));
    }

    [Fact]
    public void Malformed_request_with_readable_headers_gets_400_naming_the_fault()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Invite().Replace("CSeq: 1 INVITE", "CSeq: 1 INVITE\r\nMax-Forwards: abc"));
        var r = Assert.Single(f.Transport.Responses());
        Assert.Equal(400, r.StatusCode);
        Assert.StartsWith("Bad Request - ", r.ReasonPhrase);
    }

    [Fact]
    public void Invite_challenge_when_authentication_is_configured()
    {
        var f = new SipUaFixture();
        var options = new SipUserAgentOptions { InviteAuthentication = new SipDigestServer("vika", _ => "pw", f.Time) };
        var g = new SipUaFixture(options);
        g.Transport.Inject(SipTestMessages.Invite());
        var r = Assert.Single(g.Transport.Responses(401));
        Assert.Single(r.WwwAuthenticate);
        Assert.Equal(0, g.Agent.ActiveCalls);
    }
}
