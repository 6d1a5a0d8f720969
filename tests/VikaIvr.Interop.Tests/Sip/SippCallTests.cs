using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Sip;

/// <summary>SIPp (sip-tester) calls the running server over loopback: the basic dialog over UDP and TCP, refusals, PCMA.</summary>
[Collection(InteropCollection.Name)]
public sealed class SippCallTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Call_to_165_completes_invite_200_ack_bye(string transport)
    {
        var server = fixture.Server;
        var run = new SippRun { Scenario = "uac_call.xml", Transport = transport, PauseMs = 2000 };

        var result = await SippRunner.RunAsync(run, server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + server.Output);
        var record = await CdrReader.WaitForAsync(server, r => r.CallId == run.CallId(), TimeSpan.FromSeconds(10));
        Assert.Equal("165", record.Called);
        Assert.NotEmpty(record.Nodes);
    }

    [Theory]
    [InlineData("021165")]
    [InlineData("+6221165")]
    [InlineData("6221165")]
    public async Task Other_forms_of_the_service_number_are_answered(string number)
    {
        var run = new SippRun { Scenario = "uac_call.xml", Service = number, PauseMs = 500 };

        var result = await SippRunner.RunAsync(run, fixture.Server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe());
    }

    [Fact]
    public async Task Call_to_another_number_gets_404()
    {
        var result = await SippRunner.RunAsync(new SippRun { Scenario = "uac_not_found.xml", Service = "999" }, fixture.Server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe());
    }

    [Fact]
    public async Task Caller_offering_only_pcma_gets_pcma()
    {
        var result = await SippRunner.RunAsync(new SippRun { Scenario = "uac_pcma.xml" }, fixture.Server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + fixture.Server.Output);
        Assert.True(await fixture.Server.AnswersOptionsAsync(TimeSpan.FromSeconds(5)));
    }
}
