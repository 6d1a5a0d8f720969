using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Message;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Telephony.Tests.Calls;

/// <summary>Media:RtpTimeoutSeconds: a silent caller is hung up, a holding one is not.</summary>
public sealed partial class CallServiceTests
{
    private const string HoldSdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n";

    [Fact]
    public async Task A_caller_that_sends_no_rtp_for_the_timeout_gets_bye_and_a_media_timeout_record()
    {
        var (time, sip, service) = SilentCallService();
        await using var _ = service;
        var tag = await AnswerAsync(sip);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(sip.Requests(SipMethods.Bye));
        time.Advance(TimeSpan.FromSeconds(1));

        await sip.RequestAsync(SipMethods.Bye);
        var record = await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("media-timeout", record.EndReason);
        Assert.Equal("system", record.EndedBy);
        Assert.NotEqual(string.Empty, tag);
    }

    [Fact]
    public async Task A_caller_on_hold_is_not_hung_up_and_the_timeout_starts_again_at_the_resume()
    {
        var (time, sip, service) = SilentCallService();
        await using var _ = service;
        var tag = await AnswerAsync(sip);

        time.Advance(TimeSpan.FromSeconds(20));
        sip.Inject(SipHarness.InDialog("INVITE", tag, 2, "z9hG4bKhold", body: HoldSdp, contentType: "application/sdp"));
        await WaitForOkAsync(sip, 2);
        sip.Inject(SipHarness.InDialog("ACK", tag, 2, "z9hG4bKack2"));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(sip.Requests(SipMethods.Bye));

        sip.Inject(SipHarness.InDialog("INVITE", tag, 3, "z9hG4bKresume", body: SipHarness.Sdp, contentType: "application/sdp"));
        await WaitForOkAsync(sip, 3);
        sip.Inject(SipHarness.InDialog("ACK", tag, 3, "z9hG4bKack3"));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(sip.Requests(SipMethods.Bye));
        time.Advance(TimeSpan.FromSeconds(1));

        await sip.RequestAsync(SipMethods.Bye);
        Assert.Equal("media-timeout", (await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait)).EndReason);
    }

    /// <summary>A call service on a fake clock with a 30 s RTP timeout; the caller sends nothing.</summary>
    private (FakeTimeProvider Time, SipHarness Sip, CallService Service) SilentCallService()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var sip = new SipHarness(time);
        int first = 48000 + (Environment.ProcessId % 50) * 20;
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 19 });
        var service = new CallService(sip.Agent, new TelephonyOptions { MediaAddress = IPAddress.Loopback, RtpTimeout = TimeSpan.FromSeconds(30) },
            _clock, ports, new EncodedClipCache(), _app, _records, time, NullLoggerFactory.Instance);
        service.Start();
        return (time, sip, service);
    }

    private async Task<string> AnswerAsync(SipHarness sip)
    {
        sip.Inject(SipHarness.Invite());
        var ok = await sip.ResponseAsync(200, SipMethods.Invite);
        var tag = ok.To!.Tag!;
        sip.Inject(SipHarness.InDialog("ACK", tag, 1, "z9hG4bKack"));
        await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        return tag;
    }

    private static Task WaitForOkAsync(SipHarness sip, uint cseq) =>
        SipHarnessWait(() => sip.Responses(200).Any(r => r.CSeq?.Number == cseq && r.CSeq.Method == SipMethods.Invite));
}
