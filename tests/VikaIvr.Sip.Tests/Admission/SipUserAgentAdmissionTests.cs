using System.Net;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Tests.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Admission;

/// <summary>Overload answers at the user agent's edge: 503 with Retry-After, bans, OPTIONS following readiness, the summary line.</summary>
public sealed class SipUserAgentAdmissionTests
{
    private static readonly SipEndPoint Flooder = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.66"), 5062));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
    private readonly InMemorySipTransport _transport = new();
    private readonly TestCallHandler _handler = new();
    private readonly ListLogger<SipUserAgent> _log = new();

    [Fact]
    public async Task Options_follow_readiness_200_when_ready_503_with_retry_after_when_not()
    {
        var readiness = new Readiness { Ready = true };
        Start(new SipAdmissionOptions { RetryAfter = TimeSpan.FromSeconds(7) }, readiness);

        _transport.Inject(Options(1));
        readiness.Ready = false;
        _transport.Inject(Options(2));
        await Task.Yield();

        Assert.Single(_transport.Responses(200));
        var refused = Assert.Single(_transport.Responses(503));
        Assert.Equal("7", refused.Headers.Get(SipHeaderId.RetryAfter));
    }

    [Fact]
    public async Task An_invite_over_max_calls_gets_503_with_retry_after_and_no_session()
    {
        var agent = Start(new SipAdmissionOptions { MaxCalls = 1 });
        _handler.OnInvite = (_, ct) => Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => SipAnswer.Reject(480), TaskScheduler.Default);

        _transport.Inject(SipTestMessages.Invite(callId: "a", branch: "z9hG4bKa", fromTag: "a"));
        await _handler.Invited.Task.WaitAsync(TimeSpan.FromSeconds(5));
        _transport.Inject(SipTestMessages.Invite(callId: "b", branch: "z9hG4bKb", fromTag: "b"));

        var refused = Assert.Single(_transport.Responses(503));
        Assert.Equal("b", refused.CallId);
        Assert.Equal("5", refused.Headers.Get(SipHeaderId.RetryAfter));
        Assert.Equal(1, agent.IncomingCallCount);
    }

    [Fact]
    public void Calls_per_second_over_the_server_get_503()
    {
        Start(new SipAdmissionOptions { MaxCallsPerSecond = 2 });

        for (int i = 0; i < 3; i++)
        {
            _transport.Inject(SipTestMessages.Invite(callId: "c" + i, branch: "z9hG4bKc" + i, fromTag: "c" + i));
        }

        Assert.Equal("c2", Assert.Single(_transport.Responses(503)).CallId);
    }

    [Fact]
    public async Task A_banned_source_gets_503_with_the_ban_left_its_options_go_unanswered_and_its_call_in_progress_goes_on()
    {
        Start(new SipAdmissionOptions { MaxRequestsPerSourcePerSecond = 2, SourceBan = TimeSpan.FromSeconds(10) });
        var tag = await AnsweredAsync(SipTestMessages.Invite(callId: "live", branch: "z9hG4bKlive"), Flooder);
        _transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack", callId: "live"), Flooder);

        // f1 is answered before the ban (which then abandons it, unacknowledged, without a 503).
        _transport.Inject(SipTestMessages.Invite(callId: "f1", branch: "z9hG4bKf1", fromTag: "f1"), Flooder);
        await SipUaFixture.WaitUntil(() => _transport.Responses(200).Any(r => r.CallId == "f1"));
        _transport.Inject(SipTestMessages.Invite(callId: "f2", branch: "z9hG4bKf2", fromTag: "f2"), Flooder);
        _time.Advance(TimeSpan.FromSeconds(4));
        _transport.Inject(SipTestMessages.Invite(callId: "f3", branch: "z9hG4bKf3", fromTag: "f3"), Flooder);
        _transport.Inject(Options(1), Flooder);
        _transport.Inject(SipTestMessages.InDialog("BYE", tag, 2, "z9hG4bKbye", callId: "live"), Flooder);

        var refused = _transport.Responses(503);
        Assert.Equal(["f2", "f3"], refused.Select(r => r.CallId));
        Assert.Equal(["10", "6"], refused.Select(r => r.Headers.Get(SipHeaderId.RetryAfter)));
        Assert.DoesNotContain(_transport.Responses(), r => r.CSeq?.Method == SipMethods.Options);
        Assert.Contains(_transport.Responses(200), r => r.CSeq?.Method == SipMethods.Bye);
        _transport.Inject(Options(2));
        Assert.Contains(_transport.Responses(200), r => r.CSeq?.Method == SipMethods.Options);
    }

    [Fact]
    public async Task A_2xx_never_acknowledged_penalises_its_source()
    {
        Start(new SipAdmissionOptions { MaxRequestsPerSourcePerSecond = 5, AckTimeoutPenalty = 10 });
        await AnsweredAsync(SipTestMessages.Invite(callId: "noack", branch: "z9hG4bKnoack", fromTag: "n"), Flooder);

        _time.Advance(TimeSpan.FromSeconds(33));
        await _handler.Terminated.Task.WaitAsync(TimeSpan.FromSeconds(5));
        _transport.Inject(SipTestMessages.Invite(callId: "next", branch: "z9hG4bKnext", fromTag: "x"), Flooder);

        Assert.Equal("next", Assert.Single(_transport.Responses(503)).CallId);
    }

    [Fact]
    public void Refusals_are_one_summary_line_per_interval_with_counts_by_reason_and_top_sources()
    {
        var agent = Start(new SipAdmissionOptions { MaxRequestsPerSourcePerSecond = 1, SummaryInterval = TimeSpan.FromSeconds(10) });
        // The admitted call rings on (an answer after the ban would be refused too: that is SipBanAbandonTests').
        _handler.OnInvite = (_, ct) => Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => SipAnswer.Reject(480), TaskScheduler.Default);
        for (int i = 0; i < 6; i++)
        {
            _transport.Inject(SipTestMessages.Invite(callId: "s" + i, branch: "z9hG4bKs" + i, fromTag: "s" + i), Flooder);
        }

        // The ban itself is one security event (issue 13); the refused requests are only counted.
        Assert.Equal("SECURITY event=source-banned src=192.0.2.66 port=5062 detail=\"method=INVITE ban=10s\"", Assert.Single(_log.Lines));
        _time.Advance(TimeSpan.FromSeconds(10));
        var line = Assert.Single(Summaries());
        Assert.Equal("Sip refused 5 requests in the last 10 s: source-banned 5; top sources 192.0.2.66 (5)", line);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(Summaries());
        Assert.Equal(5, _transport.Responses(503).Count);
        Assert.Equal(0, agent.IncomingCallCount - 1);
    }

    [Fact]
    public async Task The_application_refuses_with_503_and_retry_after_through_the_session()
    {
        Start(new SipAdmissionOptions { RetryAfter = TimeSpan.FromSeconds(9) });
        var refused = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.OnInvite = (session, _) =>
        {
            refused.TrySetResult(session.RejectUnavailable(SipRefusalReason.Draining));
            return new TaskCompletionSource<SipAnswer>().Task;
        };

        _transport.Inject(SipTestMessages.Invite());

        Assert.True(await refused.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("9", Assert.Single(_transport.Responses(503)).Headers.Get(SipHeaderId.RetryAfter));
    }

    private static string Options(int n) =>
        SipTestMessages.Options(branch: "z9hG4bKopt" + n).Replace("Call-ID: opt-1", "Call-ID: opt-" + n, StringComparison.Ordinal);

    private SipUserAgent Start(SipAdmissionOptions admission, ISipReadiness? readiness = null)
    {
        var agent = new SipUserAgent(_transport, new SipUserAgentOptions { Admission = admission, Readiness = readiness ?? new SipAlwaysReady() },
            new SipTimerOptions(), _time, _log);
        agent.Start();
        _ = _handler.ServeAsync(agent);
        return agent;
    }

    private async Task<string> AnsweredAsync(string invite, SipEndPoint source)
    {
        _transport.Inject(invite, source);
        await SipUaFixture.WaitUntil(() => _transport.Responses(200).Count > 0);
        return _transport.Responses(200)[0].To!.Tag!;
    }

    private sealed class Readiness : ISipReadiness
    {
        public bool Ready { get; set; }
    }

    private List<string> Summaries() => [.. _log.Lines.Where(l => !l.StartsWith("SECURITY ", StringComparison.Ordinal))];
}
