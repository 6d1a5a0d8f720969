using System.Text;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Core;

/// <summary>The invite session on both sides, on an in-memory transport and a fake clock.</summary>
public sealed class SipInviteSessionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static async Task<(SipUaFixture F, SipInviteSession Session, string Tag)> Confirmed(string callId = "call-1", string branch = "z9hG4bKinv1")
    {
        var f = new SipUaFixture();
        var tag = await f.AnsweredCall(SipTestMessages.Invite(callId: callId, branch: branch));
        var session = await f.Handler.Invited.Task.WaitAsync(Wait);
        f.Transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack1", callId: callId));
        await session.Acknowledged.WaitAsync(Wait);
        return (f, session, tag);
    }

    private static void Reply(SipUaFixture f, SipRequest request, int status, string? toTag = null, string? body = null)
    {
        var response = SipResponse.CreateFor(request, status, toTag: toTag);
        if (status is >= 200 and < 300 && request.Method == SipMethods.Invite)
        {
            response.Headers.Add(SipHeaderId.Contact, "<sip:165@192.0.2.10:5062>");
        }

        if (body is not null)
        {
            response.SetBody(Encoding.UTF8.GetBytes(body), "application/sdp");
        }

        f.Transport.Inject(Encoding.UTF8.GetString(SipSerializer.ToArray(response)));
    }

    [Fact]
    public async Task Answered_call_is_confirmed_by_the_ack_and_our_hangup_ends_it_locally_with_bye()
    {
        var (f, session, tag) = await Confirmed();
        Assert.Equal(SipCallState.Confirmed, session.State);

        var hangup = session.HangupAsync();
        var bye = Assert.Single(f.Transport.Requests("BYE"));
        Assert.Equal(tag, bye.From!.Tag);
        Reply(f, bye, 200);
        await hangup.WaitAsync(Wait);

        var end = await session.Completion.WaitAsync(Wait);
        Assert.Equal(new SipSessionEnd(SipCallEndReason.LocalBye, SipSessionSide.Local, 0), end);
        Assert.True(session.Ended.IsCancellationRequested);
        Assert.Equal(0, f.Agent.ActiveCalls);
    }

    [Fact]
    public async Task Bye_from_the_caller_ends_the_session_on_the_remote_side()
    {
        var (f, session, tag) = await Confirmed();
        f.Transport.Inject(SipTestMessages.InDialog("BYE", tag, 2, "z9hG4bKbye1"));
        var end = await session.Completion.WaitAsync(Wait);
        Assert.Equal(SipCallEndReason.RemoteBye, end.Reason);
        Assert.Equal(SipSessionSide.Remote, end.Side);
        Assert.Contains(f.Transport.Responses(200), r => r.CSeq!.Method == SipMethods.Bye);

        // The dialog is gone: a second BYE gets 481.
        f.Transport.Inject(SipTestMessages.InDialog("BYE", tag, 3, "z9hG4bKbye2"));
        Assert.Single(f.Transport.Responses(481));
    }

    [Fact]
    public async Task Cancel_before_the_answer_gets_487_and_ends_the_session_remotely_and_a_late_answer_is_refused()
    {
        var f = new SipUaFixture();
        var answer = new TaskCompletionSource<SipAnswer>();
        f.Handler.OnInvite = (_, _) => answer.Task;
        f.Transport.Inject(SipTestMessages.Invite());
        var session = await f.Handler.Invited.Task.WaitAsync(Wait);
        f.Transport.Inject(SipTestMessages.Cancel());

        Assert.Single(f.Transport.Responses(487));
        var end = await session.Completion.WaitAsync(Wait);
        Assert.Equal(new SipSessionEnd(SipCallEndReason.Cancelled, SipSessionSide.Remote, 0), end);
        Assert.False(session.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));
        Assert.DoesNotContain(f.Transport.Responses(200), r => r.CSeq!.Method == SipMethods.Invite);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Acknowledged);
    }

    [Fact]
    public async Task Bye_on_the_early_dialog_gets_200_and_the_pending_invite_its_487()
    {
        var f = new SipUaFixture();
        var answer = new TaskCompletionSource<SipAnswer>();
        f.Handler.OnInvite = (_, _) => answer.Task;
        f.Transport.Inject(SipTestMessages.Invite());
        var session = await f.Handler.Invited.Task.WaitAsync(Wait);
        session.SendProvisional(180);
        var tag = Assert.Single(f.Transport.Responses(180)).To!.Tag!;

        f.Transport.Inject(SipTestMessages.InDialog("BYE", tag, 2, "z9hG4bKearlybye"));

        Assert.Contains(f.Transport.Responses(200), r => r.CSeq!.Method == SipMethods.Bye);
        Assert.Contains(f.Transport.Responses(487), r => r.CSeq!.Method == SipMethods.Invite);
        var end = await session.Completion.WaitAsync(Wait);
        Assert.Equal(new SipSessionEnd(SipCallEndReason.RemoteBye, SipSessionSide.Remote, 0), end);
    }

    [Fact]
    public async Task A_2xx_never_acknowledged_ends_with_ack_timeout_on_timer_h_and_bye()
    {
        var f = new SipUaFixture();
        await f.AnsweredCall(SipTestMessages.Invite());
        var session = await f.Handler.Invited.Task.WaitAsync(Wait);
        f.Time.Advance(f.Timers.TransactionTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(session.Ended.IsCancellationRequested);
        f.Time.Advance(TimeSpan.FromMilliseconds(1));

        var end = await session.Completion.WaitAsync(Wait);
        Assert.Equal(new SipSessionEnd(SipCallEndReason.AckTimeout, SipSessionSide.Local, 0), end);
        Assert.Single(f.Transport.Requests("BYE"));
    }

    [Fact]
    public async Task Reinvite_before_the_ack_gets_491_glare()
    {
        var f = new SipUaFixture();
        var tag = await f.AnsweredCall(SipTestMessages.Invite());
        var session = await f.Handler.Invited.Task.WaitAsync(Wait);
        session.ReinviteHandler = new ReinviteAnswers((_, _) => Task.FromResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp))));

        f.Transport.Inject(SipTestMessages.InDialog("INVITE", tag, 2, "z9hG4bKre1", body: SipTestMessages.Sdp, contentType: "application/sdp"));

        var glare = Assert.Single(f.Transport.Responses(491));
        Assert.Equal(SipMethods.Invite, glare.CSeq!.Method);
    }

    [Fact]
    public async Task Reinvite_while_another_is_open_gets_491_and_the_first_is_answered_by_the_application()
    {
        var (f, session, tag) = await Confirmed();
        var answer = new TaskCompletionSource<SipAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = new TaskCompletionSource<SipBody?>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.ReinviteHandler = new ReinviteAnswers((offer, _) =>
        {
            asked.TrySetResult(offer);
            return answer.Task;
        });

        f.Transport.Inject(SipTestMessages.InDialog("INVITE", tag, 2, "z9hG4bKre1", body: SipTestMessages.Sdp, contentType: "application/sdp"));
        Assert.Contains("m=audio", (await asked.Task.WaitAsync(Wait))!.Text, StringComparison.Ordinal);
        f.Transport.Inject(SipTestMessages.InDialog("INVITE", tag, 3, "z9hG4bKre2", body: SipTestMessages.Sdp, contentType: "application/sdp"));
        Assert.Equal(3u, Assert.Single(f.Transport.Responses(491)).CSeq!.Number);

        answer.SetResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Any(r => r.CSeq!.Number == 2));
    }

    [Fact]
    public async Task Info_bodies_reach_the_application_in_order()
    {
        var (f, session, tag) = await Confirmed();
        for (uint i = 0; i < 5; i++)
        {
            var digit = (char)('1' + i);
            f.Transport.Inject(SipTestMessages.InDialog("INFO", tag, 2 + i, "z9hG4bKinfo" + i, body: $"Signal={digit}\r\nDuration=160\r\n", contentType: "application/dtmf-relay"));
        }

        // The fixture's application reads session.Infos into its queue, in the order the session gave them.
        await SipUaFixture.WaitUntil(() => f.Handler.Infos.Count == 5);
        Assert.Equal("12345", string.Concat(f.Handler.Infos.Select(b => b.Text[7])));
        Assert.Equal(5, f.Transport.Responses(200).Count(r => r.CSeq!.Method == SipMethods.Info));
        Assert.Equal(SipCallState.Confirmed, session.State);
    }

    [Fact]
    public async Task Info_bodies_go_to_a_sink_in_order_when_one_is_set()
    {
        var (f, session, tag) = await Confirmed();
        var sink = new InfoSink { Session = session };
        session.DeliverInfosTo(sink);
        for (uint i = 0; i < 3; i++)
        {
            var digit = (char)('1' + i);
            f.Transport.Inject(SipTestMessages.InDialog("INFO", tag, 2 + i, "z9hG4bKsink" + i, body: $"Signal={digit}\r\nDuration=160\r\n", contentType: "application/dtmf-relay"));
        }

        await SipUaFixture.WaitUntil(() => sink.Bodies.Count == 3);
        Assert.Equal(3, f.Transport.Responses(200).Count(r => r.CSeq!.Method == SipMethods.Info));
        Assert.Equal("123", string.Concat(sink.Bodies.Select(b => b.Text[7])));
        Assert.Equal("application/dtmf-relay", sink.Bodies.First().ContentType);
        // The channel stays empty: the bodies went to the sink only.
        Assert.Empty(f.Handler.Infos);

        // The end is told to the sink too, once, after Ended fired.
        Assert.Equal(0, sink.Ends);
        f.Transport.Inject(SipTestMessages.InDialog("BYE", tag, 5, "z9hG4bKsinkbye"));
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, sink.Ends);
        Assert.True(sink.EndedWhenTold);
    }

    private sealed class InfoSink : ISipInfoSink
    {
        private int _ends;

        public int Ends => Volatile.Read(ref _ends);

        public System.Collections.Concurrent.ConcurrentQueue<SipBody> Bodies { get; } = new();

        public SipInviteSession? Session { get; set; }

        public bool EndedWhenTold { get; private set; }

        public void OnInfo(SipBody body) => Bodies.Enqueue(body);

        public void OnSessionEnded()
        {
            EndedWhenTold = Session!.Ended.IsCancellationRequested;
            Interlocked.Increment(ref _ends);
        }
    }

    [Fact]
    public async Task Transfer_in_progress_ends_with_487_when_the_caller_hangs_up()
    {
        var (f, session, tag) = await Confirmed();
        var transfer = session.TransferAsync("sip:1500@192.0.2.99");
        Reply(f, Assert.Single(f.Transport.Requests("REFER")), 202);
        f.Transport.Inject(SipTestMessages.InDialog("BYE", tag, 2, "z9hG4bKbye1"));

        var result = await transfer.WaitAsync(Wait);
        Assert.False(result.Succeeded);
        Assert.Equal(487, result.StatusCode);
    }

    [Fact]
    public async Task Dialled_call_acks_the_2xx_and_every_retransmission_of_it_even_after_the_transaction_ended()
    {
        var f = new SipUaFixture();
        var session = f.Agent.Dial(new SipDialRequest(SipUri.Parse("sip:165@192.0.2.10:5062"), InMemorySipTransport.Caller, "0812", SipTestMessages.Sdp));
        Assert.False(session.IsIncoming);
        var invite = Assert.Single(f.Transport.Requests("INVITE"));
        Reply(f, invite, 180, "peer1");
        Assert.Equal(SipCallState.Proceeding, session.State);

        Reply(f, invite, 200, "peer1", SipTestMessages.Sdp);
        var ok = await session.DialResult.WaitAsync(Wait);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(SipCallState.Confirmed, session.State);
        Assert.Contains("m=audio", session.RemoteBody!.Text, StringComparison.Ordinal);
        var ack = Assert.Single(f.Transport.Requests("ACK"));
        Assert.Equal("peer1", ack.To!.Tag);
        Assert.Equal(invite.CSeq!.Number, ack.CSeq!.Number);
        Assert.Equal("sip:165@192.0.2.10:5062", ack.RequestUriText);

        Reply(f, invite, 200, "peer1", SipTestMessages.Sdp);
        Assert.Equal(2, f.Transport.Requests("ACK").Count);
        f.Time.Advance(f.Timers.TransactionTimeout);
        Reply(f, invite, 200, "peer1", SipTestMessages.Sdp);
        Assert.Equal(3, f.Transport.Requests("ACK").Count);

        var events = new List<SipOutgoingEventKind>();
        while (session.Events.TryRead(out var ev))
        {
            events.Add(ev.Kind);
        }

        Assert.Equal([SipOutgoingEventKind.Response, SipOutgoingEventKind.Response], events);
    }

    [Fact]
    public async Task Dialled_call_hung_up_while_ringing_sends_cancel_and_ends_locally_on_the_487()
    {
        var f = new SipUaFixture();
        var session = f.Agent.Dial(new SipDialRequest(SipUri.Parse("sip:165@192.0.2.10:5062"), InMemorySipTransport.Caller, "0812", SipTestMessages.Sdp));
        var invite = Assert.Single(f.Transport.Requests("INVITE"));
        var hangup = session.HangupAsync();
        Assert.Empty(f.Transport.Requests("CANCEL")); // RFC 3261 9.1: not before a provisional response

        Reply(f, invite, 180, "peer1");
        var cancel = Assert.Single(f.Transport.Requests("CANCEL"));
        Assert.Equal(invite.TopVia!.Branch, cancel.TopVia!.Branch);
        Reply(f, cancel, 200, "peer1");
        Reply(f, invite, 487, "peer1");

        await hangup.WaitAsync(Wait);
        var end = await session.Completion.WaitAsync(Wait);
        Assert.Equal(new SipSessionEnd(SipCallEndReason.Cancelled, SipSessionSide.Local, 487), end);
        Assert.Equal(487, (await session.DialResult).StatusCode);
    }

    [Fact]
    public async Task Dialled_call_refused_ends_remotely_with_the_status()
    {
        var f = new SipUaFixture();
        var session = f.Agent.Dial(new SipDialRequest(SipUri.Parse("sip:999@192.0.2.10:5062"), InMemorySipTransport.Caller, "0812", SipTestMessages.Sdp));
        Reply(f, Assert.Single(f.Transport.Requests("INVITE")), 404, "peer1");

        Assert.Equal(404, (await session.DialResult.WaitAsync(Wait)).StatusCode);
        Assert.True(session.Ended.IsCancellationRequested);
        Assert.Equal("rejected 404", session.EndedWith!.ToString());
        Assert.Equal(SipSessionSide.Remote, session.EndedWith.Side);
        Assert.Single(f.Transport.Requests("ACK"));
    }

    [Fact]
    public async Task A_slow_application_on_one_session_does_not_hold_another()
    {
        var f = new SipUaFixture();
        var never = new TaskCompletionSource<SipAnswer>();
        var invited = new List<SipInviteSession>();
        f.Handler.OnInvite = (s, _) =>
        {
            lock (invited)
            {
                invited.Add(s);
            }

            // The first call's application never answers; the second answers at once.
            return s.CallId == "slow" ? never.Task : Task.FromResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));
        };

        f.Transport.Inject(SipTestMessages.Invite(callId: "slow", branch: "z9hG4bKslow"));
        f.Transport.Inject(SipTestMessages.Invite(callId: "fast", branch: "z9hG4bKfast", fromTag: "caller1"));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Count == 1);
        var ok = f.Transport.Responses(200)[0];
        Assert.Equal("fast", ok.CallId);
        var fast = invited.Single(s => s.CallId == "fast");
        var slow = invited.Single(s => s.CallId == "slow");

        f.Transport.Inject(SipTestMessages.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKack1", callId: "fast"));
        await fast.Acknowledged.WaitAsync(Wait);
        f.Transport.Inject(SipTestMessages.InDialog("BYE", ok.To!.Tag!, 2, "z9hG4bKbye1", callId: "fast"));
        Assert.Equal(SipCallEndReason.RemoteBye, (await fast.Completion.WaitAsync(Wait)).Reason);

        Assert.Equal(SipCallState.Incoming, slow.State);
        Assert.False(never.Task.IsCompleted);
        Assert.Equal(1, f.Agent.ActiveCalls);
    }

    [Fact]
    public async Task A_blocked_reinvite_answer_on_one_session_leaves_another_sessions_requests_answered()
    {
        var f = new SipUaFixture();
        var sessions = new System.Collections.Concurrent.ConcurrentDictionary<string, SipInviteSession>();
        f.Handler.OnInvite = (s, _) =>
        {
            sessions[s.CallId] = s;
            return Task.FromResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));
        };

        f.Transport.Inject(SipTestMessages.Invite(callId: "a", branch: "z9hG4bKa"));
        f.Transport.Inject(SipTestMessages.Invite(callId: "b", branch: "z9hG4bKb"));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Count == 2);
        string Tag(string id) => f.Transport.Responses(200).First(r => r.CallId == id).To!.Tag!;
        f.Transport.Inject(SipTestMessages.InDialog("ACK", Tag("a"), 1, "z9hG4bKacka", callId: "a"));
        f.Transport.Inject(SipTestMessages.InDialog("ACK", Tag("b"), 1, "z9hG4bKackb", callId: "b"));
        var a = sessions["a"];
        var b = sessions["b"];
        await a.Acknowledged.WaitAsync(Wait);
        await b.Acknowledged.WaitAsync(Wait);

        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new ManualResetEventSlim();
        a.ReinviteHandler = new ReinviteAnswers((_, _) =>
        {
            entered.TrySetResult();
            release.Wait(); // an application that blocks its thread
            return Task.FromResult(SipAnswer.Reject(488));
        });
        f.Transport.Inject(SipTestMessages.InDialog("INVITE", Tag("a"), 2, "z9hG4bKrea", callId: "a", body: SipTestMessages.Sdp, contentType: "application/sdp"));
        await entered.Task.WaitAsync(Wait);

        f.Transport.Inject(SipTestMessages.InDialog("INFO", Tag("b"), 2, "z9hG4bKinfob", callId: "b", body: "Signal=7\r\n", contentType: "application/dtmf-relay"));
        await SipUaFixture.WaitUntil(() => f.Handler.Infos.Any(i => i.Text == "Signal=7\r\n"));
        f.Transport.Inject(SipTestMessages.InDialog("BYE", Tag("b"), 3, "z9hG4bKbyeb", callId: "b"));
        Assert.Equal(SipCallEndReason.RemoteBye, (await b.Completion.WaitAsync(Wait)).Reason);
        Assert.Equal(SipCallState.Confirmed, a.State);

        release.Set();
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(488).Count == 1);
    }
}
