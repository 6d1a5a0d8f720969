using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Core;

public sealed class SipUserAgentTests
{
    [Fact]
    public async Task Invite_with_sdp_gets_trying_then_200_with_answer_and_ack_reaches_the_app()
    {
        var f = new SipUaFixture();
        // The application answers only once the 100 was seen (it may take the call on any thread, at once).
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Handler.OnInvite = async (call, _) =>
        {
            Assert.NotNull(call.Offer);
            Assert.Equal("165", call.Called);
            Assert.Equal("0812", call.Caller);
            await answer.Task;
            return SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp));
        };
        f.Transport.Inject(SipTestMessages.Invite());
        f.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Single(f.Transport.Responses(100));
        answer.SetResult();
        var tag = await f.AnsweredCall(SipTestMessages.Invite());
        var ok = f.Transport.Responses(200)[0];
        Assert.Equal("application/sdp", ok.ContentType!.MediaType);
        Assert.NotNull(ok.Contact);
        Assert.Equal("5062", ok.TopVia!.Parameters.Get("rport"));

        f.Transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack1"));
        Assert.Null(await f.Handler.Acked.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        f.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Single(f.Transport.Responses(200));
    }

    [Fact]
    public async Task Late_offer_invite_gets_the_offer_in_200_and_the_answer_in_ack()
    {
        var f = new SipUaFixture();
        var tag = await f.AnsweredCall(SipTestMessages.Invite(withSdp: false));
        Assert.Null((await f.Handler.Invited.Task).Offer);
        f.Transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack1", body: SipTestMessages.Sdp, contentType: "application/sdp"));
        var body = await f.Handler.Acked.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(body);
        Assert.Contains("m=audio", body.Text);
    }

    [Fact]
    public async Task Lost_ack_retransmits_2xx_at_T1_doubling_to_T2_then_ends_the_call_with_bye()
    {
        var f = new SipUaFixture();
        await f.AnsweredCall(SipTestMessages.Invite());
        var expected = new[] { 500, 1000, 2000, 4000, 4000 };
        var count = 1;
        foreach (var ms in expected)
        {
            f.Time.Advance(TimeSpan.FromMilliseconds(ms - 1));
            Assert.Equal(count, f.Transport.Responses(200).Count);
            f.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(++count, f.Transport.Responses(200).Count);
        }

        f.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(SipCallEndReason.AckTimeout, await f.Handler.Terminated.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Single(f.Transport.Requests("BYE"));
        var retransmissions = f.Transport.Responses(200).Count;
        f.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(retransmissions, f.Transport.Responses(200).Count);
    }

    [Fact]
    public async Task Retransmitted_invite_is_absorbed_and_gets_the_last_response()
    {
        var f = new SipUaFixture();
        var release = new TaskCompletionSource<SipAnswer>();
        f.Handler.OnInvite = (_, _) => release.Task;
        f.Transport.Inject(SipTestMessages.Invite());
        await f.Handler.Invited.Task.WaitAsync(TimeSpan.FromSeconds(5));
        f.Time.Advance(TimeSpan.FromMilliseconds(200));
        f.Transport.Inject(SipTestMessages.Invite());
        Assert.Equal(2, f.Transport.Responses(100).Count);
        Assert.Equal(1, f.Agent.ActiveCalls);

        release.SetResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Count == 1);
        f.Transport.Inject(SipTestMessages.Invite());
        Assert.Equal(1, f.Agent.ActiveCalls);
    }

    [Fact]
    public async Task Cancel_before_answer_gets_200_and_the_invite_487()
    {
        var f = new SipUaFixture();
        var cancelled = new TaskCompletionSource();
        f.Handler.OnInvite = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => cancelled.TrySetResult());
            return SipAnswer.Reject(500);
        };
        f.Transport.Inject(SipTestMessages.Invite());
        await f.Handler.Invited.Task.WaitAsync(TimeSpan.FromSeconds(5));
        f.Transport.Inject(SipTestMessages.Cancel());
        var ok = Assert.Single(f.Transport.Responses(200));
        Assert.Equal(SipMethods.Cancel, ok.CSeq!.Method);
        var terminated = Assert.Single(f.Transport.Responses(487));
        Assert.Equal(SipMethods.Invite, terminated.CSeq!.Method);
        Assert.Equal(SipCallEndReason.Cancelled, await f.Handler.Terminated.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));

        // 487 retransmitted (timer G) until the ACK for it arrives.
        f.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, f.Transport.Responses(487).Count);
        f.Transport.Inject(SipTestMessages.InDialog("ACK", terminated.To!.Tag!, 1, "z9hG4bKinv1"));
        f.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, f.Transport.Responses(487).Count);
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Count == 1);
    }

    [Fact]
    public async Task Bye_from_the_caller_is_answered_and_ends_the_call()
    {
        var f = new SipUaFixture();
        var tag = await f.AnsweredCall(SipTestMessages.Invite());
        f.Transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack1"));
        f.Transport.Inject(SipTestMessages.InDialog("BYE", tag, 2, "z9hG4bKbye1"));
        Assert.Equal(SipCallEndReason.RemoteBye, await f.Handler.Terminated.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains(f.Transport.Responses(200), r => r.CSeq!.Method == SipMethods.Bye);
        Assert.Equal(0, f.Agent.ActiveCalls);
    }

    [Fact]
    public async Task Info_in_dialog_reaches_the_app()
    {
        var f = new SipUaFixture();
        var tag = await f.AnsweredCall(SipTestMessages.Invite());
        f.Transport.Inject(SipTestMessages.InDialog("INFO", tag, 2, "z9hG4bKinfo1", body: "Signal=5\r\nDuration=160\r\n", contentType: "application/dtmf-relay"));
        await SipUaFixture.WaitUntil(() => !f.Handler.Infos.IsEmpty);
        Assert.True(f.Handler.Infos.TryPeek(out var info));
        Assert.Equal("application/dtmf-relay", info.ContentType);
    }

    [Fact]
    public async Task Max_call_duration_sends_bye()
    {
        var f = new SipUaFixture(new SipUserAgentOptions { MaxCallDuration = TimeSpan.FromMinutes(5) });
        var tag = await f.AnsweredCall(SipTestMessages.Invite());
        f.Transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack1"));
        f.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SipCallEndReason.MaxDuration, await f.Handler.Terminated.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        var bye = Assert.Single(f.Transport.Requests("BYE"));
        Assert.Equal(tag, bye.From!.Tag);
        Assert.Equal("caller1", bye.To!.Tag);
        Assert.Equal("sip:0812@192.0.2.10:5062", bye.RequestUriText);
    }
}
