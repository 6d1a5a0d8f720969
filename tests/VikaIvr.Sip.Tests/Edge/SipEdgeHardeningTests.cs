using System.Net;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Tests.Admission;
using VikaIvr.Sip.Tests.Core;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Tests.Edge;

/// <summary>Issue 13, the SIP edge: no product name, no maddr reflection, scanners dropped, security events.</summary>
public sealed class SipEdgeHardeningTests
{
    [Fact]
    public async Task Responses_carry_no_server_header_unless_one_is_configured()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Options());
        f.Transport.Inject(SipTestMessages.Invite(user: "999", branch: "z9hG4bK404"));
        f.Transport.Inject(SipTestMessages.Invite(callId: "call-2"));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Count == 2);
        var responses = f.Transport.Responses();
        Assert.Contains(responses, r => r.StatusCode == 404);
        Assert.All(responses, r => Assert.False(r.Headers.Contains("Server")));
        Assert.All(responses, r => Assert.False(r.Headers.Contains("User-Agent")));

        var named = new SipUaFixture(new SipUserAgentOptions { ServerHeader = "Acme-SBC" });
        named.Transport.Inject(SipTestMessages.Options());
        Assert.Equal("Acme-SBC", Assert.Single(named.Transport.Responses(200)).Headers.Get("Server"));
    }

    [Fact]
    public async Task A_via_maddr_is_ignored_every_response_goes_to_the_source()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(WithMaddr(SipTestMessages.Invite(), "127.0.0.2"));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Count == 1);
        f.Transport.Inject(WithMaddr(SipTestMessages.Options(), "127.0.0.2"));
        f.Transport.Inject(WithMaddr(SipTestMessages.Invite(user: "999", branch: "z9hG4bK404", callId: "call-404"), "127.0.0.2"));

        List<SipEndPointSnapshot> sent;
        lock (f.Transport.Sent)
        {
            sent = [.. f.Transport.Sent.Select(s => new SipEndPointSnapshot(s.Destination.Address))];
        }

        Assert.True(sent.Count >= 3);
        Assert.All(sent, s => Assert.Equal(InMemorySipTransport.Caller.Address, s.Address));
    }

    [Fact]
    public async Task A_trusted_proxy_s_maddr_is_honoured()
    {
        var f = new SipUaFixture(new SipUserAgentOptions { TrustedProxies = ["192.0.2.0/24"] });
        f.Transport.Inject(WithMaddr(SipTestMessages.Invite(), "127.0.0.2", rport: false));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Count == 1);
        lock (f.Transport.Sent)
        {
            Assert.All(f.Transport.Sent, s => Assert.Equal(IPAddress.Parse("127.0.0.2"), s.Destination.Address.Address));
        }
    }

    [Theory]
    [InlineData("friendly-scanner")]
    [InlineData("SIPVicious 0.3.4")]
    [InlineData("sipcli/v1.8")]
    [InlineData("VaxSIPUserAgent/3.1")]
    public void A_scanner_s_request_is_dropped_unanswered_counted_and_logged(string userAgent)
    {
        var log = new ListLogger<SipUserAgent>();
        var f = new SecurityFixture(log);
        f.Transport.Inject(SipTestMessages.Options(extra: "User-Agent: " + userAgent + "\r\n"));
        f.Transport.Inject(SipTestMessages.Invite(extra: "User-Agent: " + userAgent + "\r\n"));

        Assert.Empty(f.Transport.Sent);
        var line = Assert.Single(log.Lines, l => l.Contains("event=scanner-dropped", StringComparison.Ordinal) && l.Contains("method=OPTIONS", StringComparison.Ordinal));
        Assert.StartsWith("SECURITY event=scanner-dropped src=192.0.2.10 port=5062 detail=\"method=OPTIONS user-agent=", line);
        Assert.Equal(2, log.Lines.Count(l => l.Contains("event=scanner-dropped", StringComparison.Ordinal)));
        f.Agent.Admission.Refusals.Flush();
        Assert.Contains(log.Lines, l => l.Contains("scanner 2", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ordinary_user_agent_is_answered()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Options(extra: "User-Agent: Linphone/5.2 (belle-sip)\r\n"));
        Assert.Single(f.Transport.Responses(200));
    }

    [Fact]
    public async Task An_invite_to_an_unknown_number_logs_source_port_and_number_never_the_from()
    {
        var log = new ListLogger<SipUserAgent>();
        var f = new SecurityFixture(log);
        f.Transport.Inject(SipTestMessages.Invite(user: "16599"));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(404).Count == 1);

        var line = Assert.Single(log.Lines, l => l.StartsWith("SECURITY", StringComparison.Ordinal));
        Assert.Equal("SECURITY event=unknown-number src=192.0.2.10 port=5062 detail=\"number=16599\"", line);
        Assert.DoesNotContain("0812", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flood_logs_one_ban_event_not_one_per_request()
    {
        var log = new ListLogger<SipUserAgent>();
        var f = new SecurityFixture(log, new SipUserAgentOptions { Admission = new() { MaxRequestsPerSourcePerSecond = 5, SourceBan = TimeSpan.FromSeconds(30) } });
        for (var i = 0; i < 20; i++)
        {
            f.Transport.Inject(SipTestMessages.Options(branch: "z9hG4bKflood" + i));
        }

        var ban = Assert.Single(log.Lines, l => l.Contains("event=source-banned", StringComparison.Ordinal));
        Assert.Equal("SECURITY event=source-banned src=192.0.2.10 port=5062 detail=\"method=OPTIONS ban=30s\"", ban);
    }

    [Fact]
    public void A_detail_cannot_forge_a_second_event()
    {
        Assert.Equal("number=1? src=203.0.113.9 port=1 detail=?x?", VikaIvr.Sip.Admission.SipSecurityLog.Clean("number=1\" src=203.0.113.9 port=1 detail=\"x\n"));
        Assert.Equal(80, VikaIvr.Sip.Admission.SipSecurityLog.Clean(new string('9', 200)).Length);
    }

    private static string WithMaddr(string request, string maddr, bool rport = true)
    {
        var via = request.Split("\r\n")[1];
        var rewritten = "Via: SIP/2.0/UDP 192.0.2.10:5062;maddr=" + maddr + ";branch=" + via.Split("branch=")[1].Split(';')[0] + (rport ? ";rport" : string.Empty);
        return request.Replace(via, rewritten, StringComparison.Ordinal);
    }

    private readonly record struct SipEndPointSnapshot(IPEndPoint Address);

    /// <summary>A user agent on the in-memory transport whose log lines are kept.</summary>
    private sealed class SecurityFixture
    {
        public SecurityFixture(ListLogger<SipUserAgent> log, SipUserAgentOptions? options = null)
        {
            Agent = new SipUserAgent(Transport, options ?? new SipUserAgentOptions(), new SipTimerOptions(), Time, log);
            Agent.Start();
            _ = Handler.ServeAsync(Agent);
        }

        public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        public InMemorySipTransport Transport { get; } = new();

        public TestCallHandler Handler { get; } = new();

        public SipUserAgent Agent { get; }
    }
}
