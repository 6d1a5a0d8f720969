using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.DeadCalls;

/// <summary>
/// RFC 4028 session timers against SIPp, on a server with a 4 s interval and a 3 s Min-SE: refreshes
/// by re-INVITE and UPDATE keep the call; a caller that never refreshes gets BYE ("session-expired");
/// a Session-Expires below Min-SE gets 422 with Min-SE.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SessionTimerTests(SessionTimerServerFixture fixture) : IClassFixture<SessionTimerServerFixture>
{
    private static readonly string Interval = SessionTimerServerFixture.SessionExpires.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Refreshes_by_reinvite_and_update_keep_the_call_past_the_interval()
    {
        var server = fixture.Server;
        // Each step 1.5 s apart: 4.5 s in all, while an unrefreshed 4 s session gets its BYE at 4 - 4/3 = 2.7 s.
        var run = new SippRun
        {
            Scenario = "deadcalls/uac_session_refresh.xml", PauseMs = 1500, Timeout = TimeSpan.FromSeconds(30),
            ExtraArguments = ["-key", "se", Interval + ";refresher=uac"],
        };

        var result = await SippRunner.RunAsync(run, server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + server.Output);
        Assert.Contains("Session-Expires: " + Interval + ";refresher=uac", result.MessageLog, StringComparison.Ordinal);
        var record = await CdrReader.WaitForAsync(server, r => r.CallId == run.CallId(), TimeSpan.FromSeconds(10));
        Assert.Equal("caller-hangup", record.EndReason);
    }

    [Fact]
    public async Task A_caller_that_never_refreshes_gets_bye_and_a_session_expired_record()
    {
        var server = fixture.Server;
        var run = new SippRun
        {
            Scenario = "deadcalls/uac_session_no_refresh.xml", Timeout = TimeSpan.FromSeconds(30),
            ExtraArguments = ["-key", "se", Interval + ";refresher=uac"],
        };

        var result = await SippRunner.RunAsync(run, server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + server.Output);
        var record = await CdrReader.WaitForAsync(server, r => r.CallId == run.CallId(), TimeSpan.FromSeconds(10));
        Assert.Equal("session-expired", record.EndReason);
        Assert.Equal("system", record.EndedBy);
    }

    [Fact]
    public async Task A_session_expires_below_min_se_gets_422_with_min_se()
    {
        var run = new SippRun { Scenario = "deadcalls/uac_session_too_small.xml", ExtraArguments = ["-key", "se", "2"] };

        var result = await SippRunner.RunAsync(run, fixture.Server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + fixture.Server.Output);
        Assert.Contains("Min-SE: " + SessionTimerServerFixture.MinSessionExpires.ToString(System.Globalization.CultureInfo.InvariantCulture), result.MessageLog, StringComparison.Ordinal);
    }
}
