using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.DeadCalls;

/// <summary>
/// Media:RtpTimeoutSeconds against SIPp: a caller that sends RTP and then vanishes without BYE is
/// hung up by the server ("media-timeout"); a caller that holds (re-INVITE a=sendonly) and sends
/// nothing for well over the timeout keeps its call.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class RtpTimeoutTests(RtpTimeoutServerFixture fixture) : IClassFixture<RtpTimeoutServerFixture>
{
    [Fact]
    public async Task A_caller_that_stops_sending_rtp_without_bye_gets_the_servers_bye_and_a_media_timeout_record()
    {
        var server = fixture.Server;
        var run = new SippRun { Scenario = "deadcalls/uac_rtp_then_silent.xml", Timeout = TimeSpan.FromSeconds(30) };

        var result = await SippRunner.RunAsync(run, server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + server.Output);
        var record = await CdrReader.WaitForAsync(server, r => r.CallId == run.CallId(), TimeSpan.FromSeconds(10));
        Assert.Equal("media-timeout", record.EndReason);
        Assert.Equal("system", record.EndedBy);
        Assert.Contains($"{run.CallId()}: no RTP or RTCP from the caller for {RtpTimeoutServerFixture.TimeoutSeconds} s", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_on_hold_sending_nothing_is_not_hung_up_by_the_rtp_timeout()
    {
        var server = fixture.Server;
        // Two and a half timeouts of silence on hold, then the caller's own BYE.
        var run = new SippRun { Scenario = "deadcalls/uac_hold_silent.xml", PauseMs = RtpTimeoutServerFixture.TimeoutSeconds * 2500, Timeout = TimeSpan.FromSeconds(30) };

        var result = await SippRunner.RunAsync(run, server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + server.Output);
        var record = await CdrReader.WaitForAsync(server, r => r.CallId == run.CallId(), TimeSpan.FromSeconds(10));
        Assert.Equal("caller-hangup", record.EndReason);
    }
}
