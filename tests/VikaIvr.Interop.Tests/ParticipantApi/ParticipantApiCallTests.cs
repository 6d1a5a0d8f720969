using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;
using VikaIvr.Tools.ParticipantApiStandIn;

namespace VikaIvr.Interop.Tests.ParticipantApi;

/// <summary>
/// `vika serve` with Data:ParticipantApi:Url at the stand-in, called by the live script caller: a
/// status call is answered from the service; with the service slow, failing or answering garbage the caller hears
/// the system-busy apology, is back at the VIKA menu and the call goes on (a key still works).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ParticipantApiCallTests(ParticipantApiServerFixture fixture) : IClassFixture<ParticipantApiServerFixture>
{
    private const string BudiNik = "3171011708850001";

    // status-budi.vks up to the birth date; then the apology, the VIKA menu, and the call goes on.
    private const string BusyScript = """
        clock 2026-11-23T10:00:00+07:00
        call 165 from 081234567890
        expect prompt welcome
        expect prompt main-menu
        press 1
        expect prompt vika-menu
        press 1
        expect prompt enter-id
        press 3171011708850001#
        expect prompt enter-dob
        press 17081985
        expect prompt system-busy
        expect prompt vika-menu
        press 1
        expect prompt enter-id
        hangup
        """;

    [Fact]
    public async Task A_status_call_is_answered_from_the_participant_service()
    {
        fixture.StandIn.Mode = StandInMode.Normal;
        int before = fixture.StandIn.Requests;

        var result = await RunAsync(Path.Combine(RepoPaths.Root, "tests", "scripts", "status-budi.vks"));

        Assert.True(result.Passed, result.Format() + "\n" + fixture.Server.Output);
        Assert.Equal(before + 1, fixture.StandIn.Requests);
        Assert.Contains("/participants/nik/" + BudiNik, fixture.StandIn.Paths);
    }

    [Theory]
    // Slow: ParticipantApiServerFixture.TimeoutMs; how many attempts reach the stand-in depends on timing.
    [InlineData(StandInMode.Slow, "no answer within 1500 ms", null)]
    [InlineData(StandInMode.Failing, "the service answered 500", 2)]
    [InlineData(StandInMode.InvalidJson, "the service answered garbage: the answer is not JSON", 1)]
    public async Task A_slow_failing_or_garbage_service_is_system_busy_and_the_call_goes_on(StandInMode mode, string cause, int? requests)
    {
        fixture.StandIn.Mode = mode;
        int before = fixture.StandIn.Requests;
        try
        {
            var result = await RunScriptTextAsync(BusyScript);

            Assert.True(result.Passed, result.Format() + "\n" + fixture.Server.Output);
            // A transient failure is tried twice (one retry); garbage once.
            if (requests is { } expected) Assert.Equal(before + expected, fixture.StandIn.Requests);
            var record = await CdrReader.WaitForAsync(fixture.Server, r => r.Failures.Any(f => f.Contains(cause, StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
            AssertBusyRecord(record);
        }
        finally
        {
            fixture.StandIn.Mode = StandInMode.Normal;
        }
    }

    private static void AssertBusyRecord(CallRecordLine record)
    {
        Assert.Contains("play system-busy", record.Events);
        Assert.Equal("caller", record.EndedBy);
        Assert.DoesNotContain("status-answer", record.Nodes);
        Assert.All(record.Failures, f => Assert.DoesNotContain(BudiNik, f, StringComparison.Ordinal));
    }

    private async Task<Flows.Scripting.ScriptResult> RunScriptTextAsync(string script)
    {
        string path = Path.Combine(Path.GetTempPath(), $"vika-participant-api-{Guid.NewGuid():N}.vks");
        await File.WriteAllTextAsync(path, script + "\n");
        try
        {
            return await RunAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<Flows.Scripting.ScriptResult> RunAsync(string script)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        var services = VikaServices.Create(SettingsReader.Read(), TimeProvider.System, loggers);
        var results = await new LiveScriptRunner(TextWriter.Null, TextWriter.Null)
            .RunAsync([script], $"sip:165@127.0.0.1:{fixture.Server.SipPort}", TestCallerDtmfMode.Rfc4733, services, timeout.Token);
        return Assert.Single(results);
    }
}
