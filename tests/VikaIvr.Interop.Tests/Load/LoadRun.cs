using System.Text.Json;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Load;

/// <summary>One `vika load` run (bounded) against a running server: how it ended and its JSON report.</summary>
public static class LoadRun
{
    private static readonly TimeSpan RunBound = TimeSpan.FromSeconds(90);

    /// <summary>Every call of a script run was answered and met each of its <paramref name="expectationsPerCall"/> expectations, hearing audio.</summary>
    public static void AssertScriptPassed(ProcessResult result, JsonElement report, int calls, int expectationsPerCall, string serverOutput)
    {
        Assert.True(result.ExitCode == 0, result.Describe() + "\n--- server ---\n" + serverOutput);
        Assert.Equal(calls, report.GetProperty("answered").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        var expectations = report.GetProperty("expectations");
        Assert.Equal(calls * expectationsPerCall, expectations.GetProperty("checked").GetInt64());
        Assert.Equal(0, expectations.GetProperty("failed").GetInt64());
        Assert.True(report.GetProperty("receivedAudio").GetProperty("packets").GetInt64() > 0);
    }

    public static async Task<(ProcessResult Result, JsonElement Report)> RunAsync(ServerProcess server, string target, params string[] options)
    {
        var json = Path.Combine(Path.GetTempPath(), $"vika-load-{Guid.NewGuid():N}.json");
        try
        {
            var result = await ProcessRunner.RunAsync("dotnet", new[] { RepoPaths.VikaDll, "load", target, "--report", json }.Concat(options),
                RunBound, RepoPaths.Root, new Dictionary<string, string> { ["VIKA_HOME"] = RepoPaths.Root });
            Assert.False(result.TimedOut, result.Describe());
            Assert.True(File.Exists(json), "no report written\n" + result.Describe() + "\n--- server ---\n" + server.Output);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            return (result, document.RootElement.Clone());
        }
        finally
        {
            File.Delete(json);
        }
    }
}
