using VikaIvr.Sip.Message;
using VikaIvr.Sip.Tests.Core;

namespace VikaIvr.Sip.Tests.Dialogs;

public sealed class SipTransferTests
{
    private static async Task<(SipUaFixture F, Sip.Core.SipInviteSession Call, string Tag)> ConfirmedCall()
    {
        var f = new SipUaFixture();
        var tag = await f.AnsweredCall(SipTestMessages.Invite());
        f.Transport.Inject(SipTestMessages.InDialog("ACK", tag, 1, "z9hG4bKack1"));
        var call = await f.Handler.Invited.Task;
        return (f, call, tag);
    }

    private static void Reply(SipUaFixture f, SipRequest request, int status)
    {
        var response = SipResponse.CreateFor(request, status);
        f.Transport.Inject(System.Text.Encoding.UTF8.GetString(SipSerializer.ToArray(response)));
    }

    [Theory]
    [InlineData("SIP/2.0 200 OK", true, 200)]
    [InlineData("SIP/2.0 486 Busy Here", false, 486)]
    public async Task Refer_reports_the_final_sipfrag_status(string frag, bool success, int status)
    {
        var (f, call, tag) = await ConfirmedCall();
        var transfer = call.TransferAsync("sip:1500@192.0.2.99");
        var refer = Assert.Single(f.Transport.Requests("REFER"));
        Assert.Equal("sip:1500@192.0.2.99", refer.ReferTo!.Uri.ToString());
        Reply(f, refer, 202);
        f.Transport.Inject(SipTestMessages.InDialog("NOTIFY", tag, 2, "z9hG4bKn1", extra: "Event: refer\r\nSubscription-State: active\r\n", body: "SIP/2.0 100 Trying\r\n", contentType: "message/sipfrag"));
        Assert.False(transfer.IsCompleted);
        f.Transport.Inject(SipTestMessages.InDialog("NOTIFY", tag, 3, "z9hG4bKn2", extra: "Event: refer\r\nSubscription-State: terminated\r\n", body: frag + "\r\n", contentType: "message/sipfrag"));
        var result = await transfer.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(success, result.Succeeded);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(3, f.Transport.Responses(200).Count(r => r.CSeq!.Method is "NOTIFY" or "INVITE"));
    }

    [Fact]
    public async Task Refer_without_a_final_notify_times_out()
    {
        var (f, call, _) = await ConfirmedCall();
        var transfer = call.TransferAsync("1500");
        var refer = Assert.Single(f.Transport.Requests("REFER"));
        Assert.Equal("sip:1500@192.0.2.10", refer.ReferTo!.Uri.ToString());
        Reply(f, refer, 202);
        f.Time.Advance(TimeSpan.FromSeconds(32));
        var result = await transfer.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result.Succeeded);
        Assert.Equal(408, result.StatusCode);
    }

    [Fact]
    public async Task Refused_refer_fails_with_its_status()
    {
        var (f, call, _) = await ConfirmedCall();
        var transfer = call.TransferAsync("sip:1500@192.0.2.99");
        Reply(f, Assert.Single(f.Transport.Requests("REFER")), 603);
        var result = await transfer.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result.Succeeded);
        Assert.Equal(603, result.StatusCode);
    }

    [Fact]
    public async Task Hangup_sends_bye_in_the_dialog()
    {
        var (f, call, tag) = await ConfirmedCall();
        var hangup = call.HangupAsync();
        var bye = Assert.Single(f.Transport.Requests("BYE"));
        Assert.Equal(tag, bye.From!.Tag);
        Reply(f, bye, 200);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(call.Ended.IsCancellationRequested || await f.Handler.Terminated.Task.WaitAsync(TimeSpan.FromSeconds(5)) == Sip.Core.SipCallEndReason.LocalBye);
    }
}
