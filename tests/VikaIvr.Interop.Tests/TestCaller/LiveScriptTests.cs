using VikaIvr.Flows.Scripting;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.TestCaller;

/// <summary>Shipped call scripts run as real calls (`simulate --target`) against a running server.</summary>
/// <remarks>A failure shows the caller's transcript with the server's log and its last call records
/// (nodes, RTP packets sent), so a CI failure tells what the caller heard from what the server did.</remarks>
[Collection(InteropCollection.Name)]
public sealed class LiveScriptTests(TestCallerServerFixture fixture) : IClassFixture<TestCallerServerFixture>
{
    [Theory]
    [InlineData("status-budi.vks", TestCallerDtmfMode.Rfc4733)]
    [InlineData("status-budi.vks", TestCallerDtmfMode.Info)]
    [InlineData("main-menu-invalid.vks", TestCallerDtmfMode.Rfc4733)]
    [InlineData("main-menu-invalid.vks", TestCallerDtmfMode.Info)]
    [InlineData("main-menu-no-input.vks", TestCallerDtmfMode.Rfc4733)]
    [InlineData("transfer-then-hangup.vks", TestCallerDtmfMode.Rfc4733)]
    [InlineData("transfer-fails.vks", TestCallerDtmfMode.Info)]
    public async Task Shipped_script_passes_against_the_live_server(string script, TestCallerDtmfMode mode)
    {
        var result = await SingleAsync(await RunAsync(Path.Combine(RepoPaths.Root, "tests", "scripts", script), mode));

        await ExpectAsync(result.Passed, "the script failed", result);
    }

    [Fact]
    public async Task A_wrong_expectation_fails_with_its_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vika-live-wrong-{Guid.NewGuid():N}.vks");
        await File.WriteAllTextAsync(path, "call 165 from 081234567890\nexpect prompt welcome\nexpect prompt goodbye\n");
        try
        {
            var result = await SingleAsync(await RunAsync(path, TestCallerDtmfMode.Rfc4733));

            await ExpectAsync(!result.Passed, "the wrong expectation passed", result);
            await ExpectAsync(result.Failures.Count == 1, $"{result.Failures.Count} failures, not 1", result);
            var failure = result.Failures[0];
            await ExpectAsync(failure.Line == 3, $"the failure is at line {failure.Line}, not 3", result);
            await ExpectAsync(failure.Actual.Contains("prompt main-menu", StringComparison.Ordinal), "the failure does not name prompt main-menu", result);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_expected_say_with_another_participants_words_fails_at_its_line()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "tests", "scripts", "status-budi.vks"));
        int sayLine = Array.FindIndex(lines, l => l.StartsWith("expect say", StringComparison.Ordinal)) + 1;
        Assert.True(sayLine > 0, "status-budi.vks has an expect say");
        lines[sayLine - 1] = "expect say \"atas nama Siti Rahmawati\"";
        var path = Path.Combine(Path.GetTempPath(), $"vika-live-siti-{Guid.NewGuid():N}.vks");
        await File.WriteAllLinesAsync(path, lines);
        try
        {
            var result = await SingleAsync(await RunAsync(path, TestCallerDtmfMode.Rfc4733));

            await ExpectAsync(!result.Passed, "another participant's words passed", result);
            await ExpectAsync(result.Failures.Count == 1, $"{result.Failures.Count} failures, not 1", result);
            var failure = result.Failures[0];
            await ExpectAsync(failure.Line == sayLine, $"the failure is at line {failure.Line}, not {sayLine}", result);
            await ExpectAsync(failure.Actual.Contains("atas nama Siti Rahmawati", StringComparison.Ordinal), "the failure does not quote the expected words", result);
            await ExpectAsync(failure.Actual.Contains("budi santoso", StringComparison.Ordinal), "the failure does not quote the words heard", result);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_shipped_say_is_recognised_by_its_synthesized_audio()
    {
        var result = await SingleAsync(await RunAsync(Path.Combine(RepoPaths.Root, "tests", "scripts", "status-budi.vks"), TestCallerDtmfMode.Rfc4733));

        await ExpectAsync(result.Passed, "the script failed", result);
        await ExpectAsync(result.Transcript.Any(l => l.Contains("recognised by its audio", StringComparison.Ordinal) && l.Contains("budi santoso", StringComparison.OrdinalIgnoreCase)),
            "the say was not recognised by its audio", result);
    }

    private async Task<IReadOnlyList<ScriptResult>> RunAsync(string script, TestCallerDtmfMode mode)
    {
        var server = fixture.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        var services = VikaServices.Create(SettingsReader.Read(), TimeProvider.System, loggers);
        var runner = new LiveScriptRunner(TextWriter.Null, TextWriter.Null);
        return await runner.RunAsync([script], $"sip:165@127.0.0.1:{server.SipPort}", mode, services, timeout.Token);
    }

    private async Task<ScriptResult> SingleAsync(IReadOnlyList<ScriptResult> results)
    {
        if (results.Count != 1) Assert.Fail($"{results.Count} results for one script\n{string.Join('\n', results.Select(r => r.Format()))}\n{await ServerSideAsync()}");
        return results[0];
    }

    /// <summary>An assertion whose message (built only when it fails) holds the server's side too.</summary>
    private async Task ExpectAsync(bool condition, string what, ScriptResult result)
    {
        if (!condition) Assert.Fail($"{what}\n{result.Format()}\n{await ServerSideAsync()}");
    }

    private async Task<string> ServerSideAsync()
    {
        var cdr = await fixture.Server.RunCliAsync(["cdr", "--last", "3"], TimeSpan.FromSeconds(30));
        return $"--- vika serve output ---\n{fixture.Server.Output}\n--- vika cdr --last 3 ---\n{cdr.StdOut}{cdr.StdErr}";
    }
}
