using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.TestCaller;

/// <summary>Shipped call scripts run as real calls (`simulate --target`) against a running server.</summary>
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
        var results = await RunAsync(Path.Combine(RepoPaths.Root, "tests", "scripts", script), mode);

        var result = Assert.Single(results);
        Assert.True(result.Passed, result.Format() + "\n" + fixture.Server.Output);
    }

    [Fact]
    public async Task A_wrong_expectation_fails_with_its_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vika-live-wrong-{Guid.NewGuid():N}.vks");
        await File.WriteAllTextAsync(path, "call 165 from 081234567890\nexpect prompt welcome\nexpect prompt goodbye\n");
        try
        {
            var result = Assert.Single(await RunAsync(path, TestCallerDtmfMode.Rfc4733));

            Assert.False(result.Passed, result.Format());
            var failure = Assert.Single(result.Failures);
            Assert.Equal(3, failure.Line);
            Assert.Contains("prompt main-menu", failure.Actual, StringComparison.Ordinal);
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
            var result = Assert.Single(await RunAsync(path, TestCallerDtmfMode.Rfc4733));

            Assert.False(result.Passed, result.Format());
            var failure = Assert.Single(result.Failures);
            Assert.Equal(sayLine, failure.Line);
            Assert.Contains("atas nama Siti Rahmawati", failure.Actual, StringComparison.Ordinal);
            Assert.Contains("budi santoso", failure.Actual, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_shipped_say_is_recognised_by_its_synthesized_audio()
    {
        var result = Assert.Single(await RunAsync(Path.Combine(RepoPaths.Root, "tests", "scripts", "status-budi.vks"), TestCallerDtmfMode.Rfc4733));

        Assert.True(result.Passed, result.Format());
        Assert.Contains(result.Transcript, l => l.Contains("recognised by its audio", StringComparison.Ordinal) && l.Contains("budi santoso", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IReadOnlyList<Flows.Scripting.ScriptResult>> RunAsync(string script, TestCallerDtmfMode mode)
    {
        var server = fixture.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
        var services = VikaServices.Create(SettingsReader.Read(), TimeProvider.System, loggers);
        var runner = new LiveScriptRunner(TextWriter.Null, TextWriter.Null);
        return await runner.RunAsync([script], $"sip:165@127.0.0.1:{server.SipPort}", mode, services, timeout.Token);
    }
}
