using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Tests.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Admission;

/// <summary>
/// A ban abandons the banned source's answered calls still waiting for their ACK (a flood's admitted
/// INVITEs), at once and without BYE; acknowledged calls and other sources' calls go on.
/// </summary>
public sealed class SipBanAbandonTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly SipEndPoint Flooder = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.66"), 5062));
    private static readonly SipEndPoint Other = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.77"), 5062));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
    private readonly InMemorySipTransport _transport = new();
    private readonly ConcurrentDictionary<string, SipInviteSession> _sessions = new();

    [Fact]
    public async Task A_ban_ends_the_sources_unacknowledged_calls_at_once_without_bye_and_stops_their_2xx()
    {
        Start(new SipAdmissionOptions { MaxRequestsPerSourcePerSecond = 2, SourceBan = TimeSpan.FromSeconds(10) });
        var tag = await AnsweredAsync("acked", Flooder, fromTag: "caller1");
        _transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack", callId: "acked"), Flooder);
        await AnsweredAsync("unacked", Flooder);
        await AnsweredAsync("other", Other);
        _time.Advance(TimeSpan.FromSeconds(1));
        int before = OkCount("unacked");
        Assert.True(before > 1, "the 2xx is retransmitted while the ACK is awaited");

        // A new second: two more requests are within the rate, the third bans the source.
        for (int i = 1; i <= 3; i++)
        {
            _transport.Inject(SipTestMessages.Invite(callId: "f" + i, branch: "z9hG4bKf" + i, fromTag: "f" + i), Flooder);
        }

        var end = await _sessions["unacked"].Completion.WaitAsync(Wait);
        Assert.Equal(new SipSessionEnd(SipCallEndReason.NoAckSourceBanned, SipSessionSide.Local, 0), end);
        Assert.Equal("no-ack-source-banned", end.ToString());
        Assert.Equal(["f3"], _transport.Responses(503).Select(r => r.CallId));
        Assert.Equal(SipCallState.Confirmed, _sessions["acked"].State);
        Assert.Equal(SipCallState.Answered, _sessions["other"].State);

        int otherBefore = OkCount("other");
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(OkCount("other") > otherBefore, "the other source's 2xx is still retransmitted");
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(before, OkCount("unacked"));
        Assert.Equal(SipCallEndReason.AckTimeout, (await _sessions["other"].Completion.WaitAsync(Wait)).Reason);
        Assert.Equal(SipCallState.Confirmed, _sessions["acked"].State);
        Assert.DoesNotContain(_transport.Requests(SipMethods.Bye), r => r.CallId == "unacked");
        Assert.Contains(_transport.Requests(SipMethods.Bye), r => r.CallId == "other");
    }

    [Fact]
    public async Task A_retransmitted_invite_of_an_abandoned_call_is_absorbed_not_a_new_call()
    {
        var agent = Start(new SipAdmissionOptions { MaxRequestsPerSourcePerSecond = 1, SourceBan = TimeSpan.FromSeconds(1) });
        await AnsweredAsync("unacked", Flooder);
        _transport.Inject(SipTestMessages.Invite(callId: "f1", branch: "z9hG4bKf1", fromTag: "f1"), Flooder);
        await _sessions["unacked"].Completion.WaitAsync(Wait);
        _time.Advance(TimeSpan.FromSeconds(2));

        _transport.Inject(SipTestMessages.Invite(callId: "unacked", branch: "z9hG4bKunacked", fromTag: "unacked"), Flooder);

        Assert.Equal(0, agent.IncomingCallCount);
        Assert.Single(_transport.Responses(200), r => r.CallId == "unacked");
    }

    [Fact]
    public async Task A_ban_from_the_timer_h_penalty_abandons_the_sources_other_unacknowledged_calls()
    {
        Start(new SipAdmissionOptions { MaxRequestsPerSourcePerSecond = 5, AckTimeoutPenalty = 10 });
        await AnsweredAsync("first", Flooder);
        _time.Advance(TimeSpan.FromSeconds(20));
        await AnsweredAsync("second", Flooder);

        _time.Advance(TimeSpan.FromSeconds(12.5));

        Assert.Equal(SipCallEndReason.AckTimeout, (await _sessions["first"].Completion.WaitAsync(Wait)).Reason);
        Assert.Equal(SipCallEndReason.NoAckSourceBanned, (await _sessions["second"].Completion.WaitAsync(Wait)).Reason);
        int after = OkCount("second");
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(after, OkCount("second"));
        Assert.DoesNotContain(_transport.Requests(SipMethods.Bye), r => r.CallId == "second");
    }

    [Fact]
    public async Task A_call_the_application_accepts_after_its_source_was_banned_gets_503_with_the_ban_left()
    {
        var agent = Start(new SipAdmissionOptions { MaxRequestsPerSourcePerSecond = 1, SourceBan = TimeSpan.FromSeconds(10) });
        var accepted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _transport.Inject(SipTestMessages.Invite(callId: "ringing", branch: "z9hG4bKringing", fromTag: "ringing"), Flooder);
        await SipUaFixture.WaitUntil(() => _sessions.ContainsKey("ringing"));
        _transport.Inject(SipTestMessages.Invite(callId: "f1", branch: "z9hG4bKf1", fromTag: "f1"), Flooder);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.False(_sessions["ringing"].Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));

        var refused = Assert.Single(_transport.Responses(503), r => r.CallId == "ringing");
        Assert.Equal("7", refused.Headers.Get(SipHeaderId.RetryAfter));
        Assert.Empty(_transport.Responses(200));
        Assert.Equal(new SipSessionEnd(SipCallEndReason.Rejected, SipSessionSide.Local, 503), await _sessions["ringing"].Completion.WaitAsync(Wait));
        Assert.Equal(0, agent.IncomingCallCount);
    }

    private SipUserAgent Start(SipAdmissionOptions admission)
    {
        var agent = new SipUserAgent(_transport, new SipUserAgentOptions { Admission = admission, Readiness = new SipAlwaysReady() },
            new SipTimerOptions(), _time, new ListLogger<SipUserAgent>());
        agent.Start();
        _ = ServeAsync(agent);
        return agent;
    }

    /// <summary>Keeps every session; answers none (the tests answer, or let <see cref="AnsweredAsync"/> do it).</summary>
    private async Task ServeAsync(SipUserAgent agent)
    {
        await foreach (var session in agent.IncomingCalls.ReadAllAsync())
        {
            _sessions[session.CallId] = session;
        }
    }

    private async Task<string> AnsweredAsync(string callId, SipEndPoint source, string? fromTag = null)
    {
        _transport.Inject(SipTestMessages.Invite(callId: callId, branch: "z9hG4bK" + callId, fromTag: fromTag ?? callId), source);
        await SipUaFixture.WaitUntil(() => _sessions.ContainsKey(callId));
        Assert.True(_sessions[callId].Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));
        return _transport.Responses(200).Last(r => r.CallId == callId).To!.Tag!;
    }

    private int OkCount(string callId) => _transport.Responses(200).Count(r => r.CallId == callId && r.CSeq?.Method == SipMethods.Invite);
}
