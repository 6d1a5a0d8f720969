using System.Text;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Core.SessionTimers;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Core;

/// <summary>RFC 4028 session timers as the UAS, on the in-memory transport and the fake clock.</summary>
public sealed class SipSessionTimerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static async Task<(SipUaFixture F, SipInviteSession Session, string Tag, SipResponse Ok)> Confirmed(string extra)
    {
        var f = new SipUaFixture();
        f.Handler.OnInvite = (s, _) =>
        {
            s.ReinviteHandler = new ReinviteAnswers((_, _) => Task.FromResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp))));
            return Task.FromResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));
        };
        var tag = await f.AnsweredCall(SipTestMessages.Invite(extra: extra));
        var session = await f.Handler.Invited.Task.WaitAsync(Wait);
        f.Transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack1"));
        await session.Acknowledged.WaitAsync(Wait);
        return (f, session, tag, f.Transport.Responses(200)[0]);
    }

    private static void Reply(SipUaFixture f, SipRequest request, int status)
    {
        var response = SipResponse.CreateFor(request, status);
        if (status is >= 200 and < 300 && request.Method == SipMethods.Invite)
        {
            response.Headers.Add(SipHeaderId.Contact, "<sip:0812@192.0.2.10:5062>");
            response.SetBody(Encoding.UTF8.GetBytes(SipTestMessages.Sdp), "application/sdp");
        }

        f.Transport.Inject(Encoding.UTF8.GetString(SipSerializer.ToArray(response)));
    }

    [Fact]
    public void Options_and_the_allow_list_name_timer_and_update()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Options());
        var ok = Assert.Single(f.Transport.Responses(200));
        Assert.Contains("timer", ok.Supported);
        Assert.Contains("UPDATE", ok.Headers.Get(SipHeaderId.Allow)!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_expires_below_min_se_gets_422_with_our_min_se_and_no_call()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Invite(extra: "Supported: timer\r\nSession-Expires: 60\r\n"));
        var refusal = Assert.Single(f.Transport.Responses(422));
        Assert.Equal("90", refusal.Headers.Get(SipHeaderId.MinSE));
        Assert.Equal(0, f.Agent.ActiveCalls);
        Assert.False(f.Handler.Invited.Task.IsCompleted);
    }

    [Fact]
    public async Task A_caller_that_refreshes_as_uac_gets_require_timer_and_bye_when_its_refresh_never_comes()
    {
        var (f, session, _, ok) = await Confirmed("Supported: timer\r\nSession-Expires: 120;refresher=uac\r\n");
        Assert.Equal("120;refresher=uac", ok.Headers.Get(SipHeaderId.SessionExpires));
        Assert.Contains("timer", ok.Require);
        Assert.Contains("timer", ok.Supported);

        // RFC 4028 10: BYE at 120 - min(32, 120 / 3) = 88 s.
        f.Time.Advance(TimeSpan.FromSeconds(88) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(f.Transport.Requests("BYE"));
        f.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Single(f.Transport.Requests("BYE"));
        var end = await session.Completion.WaitAsync(Wait);
        Assert.Equal(SipCallEndReason.SessionExpired, end.Reason);
        Assert.Equal("session-expired", end.ToString().Split(' ')[0]);
    }

    [Fact]
    public async Task A_caller_with_timer_support_naming_no_refresher_refreshes_itself_at_our_default_interval()
    {
        var (_, session, _, ok) = await Confirmed("Supported: timer\r\n");
        Assert.Equal("1800;refresher=uac", ok.Headers.Get(SipHeaderId.SessionExpires));
        Assert.Contains("timer", ok.Require);
        Assert.False(session.SessionTimer!.WeRefresh);
    }

    [Fact]
    public async Task A_longer_interval_is_shortened_to_ours_and_the_requests_min_se_is_respected()
    {
        var (_, _, _, ok) = await Confirmed("Supported: timer\r\nSession-Expires: 7200;refresher=uas\r\n");
        Assert.Equal("1800;refresher=uas", ok.Headers.Get(SipHeaderId.SessionExpires));
        var (_, _, _, ok2) = await Confirmed("Supported: timer\r\nMin-SE: 2400\r\n");
        Assert.Equal("2400;refresher=uac", ok2.Headers.Get(SipHeaderId.SessionExpires));
    }

    [Fact]
    public async Task A_reinvite_refresh_is_answered_with_its_session_expires_and_resets_the_timer()
    {
        var (f, session, tag, _) = await Confirmed("Supported: timer\r\nSession-Expires: 120;refresher=uac\r\n");
        f.Time.Advance(TimeSpan.FromSeconds(80));
        f.Transport.Inject(SipTestMessages.InDialog("INVITE", tag, 2, "z9hG4bKre2", extra: "Supported: timer\r\nSession-Expires: 120;refresher=uac\r\n",
            body: SipTestMessages.Sdp, contentType: "application/sdp"));
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(200).Any(r => r.CSeq!.Number == 2));
        var ok = f.Transport.Responses(200).Single(r => r.CSeq!.Number == 2);
        Assert.Equal("120;refresher=uac", ok.Headers.Get(SipHeaderId.SessionExpires));
        f.Transport.Inject(SipTestMessages.InDialog("ACK", tag, 2, "z9hG4bKack2"));

        f.Time.Advance(TimeSpan.FromSeconds(87));
        Assert.Empty(f.Transport.Requests("BYE"));
        Assert.Equal(SipCallState.Confirmed, session.State);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(f.Transport.Requests("BYE"));
    }

    [Fact]
    public async Task An_update_without_a_body_is_answered_200_without_one_and_resets_the_timer()
    {
        var (f, session, tag, _) = await Confirmed("Supported: timer\r\nSession-Expires: 120;refresher=uac\r\n");
        f.Time.Advance(TimeSpan.FromSeconds(80));
        f.Transport.Inject(SipTestMessages.InDialog("UPDATE", tag, 2, "z9hG4bKup2", extra: "Supported: timer\r\nSession-Expires: 120;refresher=uac\r\n"));
        var ok = f.Transport.Responses(200).Single(r => r.CSeq!.Method == "UPDATE");
        Assert.True(ok.Body.IsEmpty);
        Assert.Equal("120;refresher=uac", ok.Headers.Get(SipHeaderId.SessionExpires));

        f.Time.Advance(TimeSpan.FromSeconds(87));
        Assert.Empty(f.Transport.Requests("BYE"));
        f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(f.Transport.Requests("BYE"));
        Assert.Equal(SipCallEndReason.SessionExpired, (await session.Completion.WaitAsync(Wait)).Reason);
    }

    [Fact]
    public async Task An_update_with_a_too_small_interval_gets_422_and_changes_nothing()
    {
        var (f, session, tag, _) = await Confirmed("Supported: timer\r\nSession-Expires: 120;refresher=uac\r\n");
        f.Transport.Inject(SipTestMessages.InDialog("UPDATE", tag, 2, "z9hG4bKup2", extra: "Session-Expires: 30\r\n"));
        Assert.Equal("90", Assert.Single(f.Transport.Responses(422)).Headers.Get(SipHeaderId.MinSE));
        Assert.Equal(120, session.SessionTimer!.IntervalSeconds);
    }

    [Fact]
    public async Task Without_timer_support_we_refresh_by_reinvite_with_the_same_sdp_at_half_the_interval_and_ack_its_2xx()
    {
        var (f, session, _, ok) = await Confirmed(string.Empty);
        Assert.Equal("1800;refresher=uas", ok.Headers.Get(SipHeaderId.SessionExpires));
        Assert.Empty(ok.Require);

        f.Time.Advance(TimeSpan.FromSeconds(899));
        Assert.Empty(f.Transport.Requests("INVITE"));
        f.Time.Advance(TimeSpan.FromSeconds(1));
        var refresh = Assert.Single(f.Transport.Requests("INVITE"));
        Assert.Equal(SipTestMessages.Sdp, Encoding.UTF8.GetString(refresh.Body.Span));
        Assert.Equal("1800;refresher=uac", refresh.Headers.Get(SipHeaderId.SessionExpires));
        Reply(f, refresh, 200);
        await SipUaFixture.WaitUntil(() => f.Transport.Requests("ACK").Count == 1);
        Assert.Equal(refresh.CSeq!.Number, f.Transport.Requests("ACK")[0].CSeq!.Number);

        f.Time.Advance(TimeSpan.FromSeconds(900));
        Assert.Equal(2, f.Transport.Requests("INVITE").Count);
        Assert.Equal(SipCallState.Confirmed, session.State);
    }

    [Fact]
    public async Task Without_timer_support_we_refresh_by_update_when_allowed_and_a_481_ends_the_call_with_bye()
    {
        var (f, session, _, _) = await Confirmed("Allow: INVITE, ACK, BYE, CANCEL, UPDATE\r\n");
        f.Time.Advance(TimeSpan.FromSeconds(900));
        var update = Assert.Single(f.Transport.Requests("UPDATE"));
        Assert.True(update.Body.IsEmpty);
        Reply(f, update, 481);

        var end = await session.Completion.WaitAsync(Wait);
        Assert.Equal(SipCallEndReason.SessionExpired, end.Reason);
        Assert.Single(f.Transport.Requests("BYE"));
    }

    [Theory]
    [InlineData("1800", 1800, "")]
    [InlineData("90;refresher=uas", 90, "uas")]
    [InlineData(" 120 ; refresher = uac ;x=1", 120, "uac")]
    [InlineData("abc", null, "")]
    [InlineData("0", null, "")]
    public void Session_expires_values_are_read_with_their_refresher(string value, int? seconds, string refresher)
    {
        Assert.Equal(seconds, SipSessionTimerNegotiation.ReadDelta(value, out var who));
        Assert.Equal(refresher, who);
    }
}
