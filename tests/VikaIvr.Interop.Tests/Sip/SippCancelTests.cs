using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Sip;

/// <summary>CANCEL before answer: the server rings (it is started with --answer-delay-ms 1500) and ends the INVITE with 487.</summary>
[Collection(InteropCollection.Name)]
public sealed class SippCancelTests(RingingServerFixture fixture) : IClassFixture<RingingServerFixture>
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Cancel_before_answer_ends_with_487(string transport)
    {
        var server = fixture.Server;
        var run = new SippRun { Scenario = "uac_cancel.xml", Transport = transport };

        var result = await SippRunner.RunAsync(run, server.SipEndPoint);

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + server.Output);
        Assert.True(await server.AnswersOptionsAsync(TimeSpan.FromSeconds(5)));
    }
}
