using System.Net;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.SelfCheck;

/// <summary>
/// The scenarios and the harness checked against SIPp itself standing in for the server, so a
/// failure of the server tests points at the server, not at the test tools.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SippSelfCheckTests
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Call_scenario_completes_against_a_sipp_uas(string transport)
    {
        var result = await AgainstUasAsync("selfcheck/uas_media.xml", new SippRun { Scenario = "uac_call.xml", Transport = transport, PauseMs = 300 }, "-key", "first_pt", "0");

        Assert.True(result.AllSucceeded(1), result.Describe());
    }

    [Fact]
    public async Task Cancel_scenario_completes_against_a_ringing_uas()
    {
        var result = await AgainstUasAsync("selfcheck/uas_ringing.xml", new SippRun { Scenario = "uac_cancel.xml" });

        Assert.True(result.AllSucceeded(1), result.Describe());
    }

    [Fact]
    public async Task Pcma_scenario_fails_when_the_answer_is_not_pcma()
    {
        // The answer check must be able to fail: a UAS answering PCMU first is refused.
        var result = await AgainstUasAsync("selfcheck/uas_media.xml", new SippRun { Scenario = "uac_pcma.xml" }, "-key", "first_pt", "0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(1, result.Statistics.FailedCalls);
    }

    [Fact]
    public async Task Sip_info_scenario_completes_against_a_sipp_uas()
    {
        var result = await AgainstUasAsync("selfcheck/uas_media.xml", new SippRun { Scenario = "uac_dtmf_info_relay.xml" }, "-key", "first_pt", "0");

        Assert.True(result.AllSucceeded(1), result.Describe());
    }

    private static async Task<SippResult> AgainstUasAsync(string uasScenario, SippRun uac, params string[] uasKeys)
    {
        var uasPort = FreePorts.SipPort();
        var transport = uac.Transport;
        var uasArgs = new List<string>
        {
            "-sf", Path.Combine(RepoPaths.SippDir, uasScenario), "-t", transport, "-i", "127.0.0.1",
            "-p", uasPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-mp", FreePorts.UdpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-m", "1", "-timeout", "30s", "-nostdin",
        };
        uasArgs.AddRange(uasKeys);
        var uas = ProcessRunner.RunAsync("sipp", uasArgs, TimeSpan.FromSeconds(40), RepoPaths.SippDir);
        await Task.Delay(500);
        var result = await SippRunner.RunAsync(uac, new IPEndPoint(IPAddress.Loopback, uasPort));
        await uas;
        return result;
    }
}
