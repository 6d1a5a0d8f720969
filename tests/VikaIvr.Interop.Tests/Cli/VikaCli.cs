using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>Runs `dotnet vika.dll ARGS` the way a person runs `./vika ARGS`, bounded in time.</summary>
public static class VikaCli
{
    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            "dotnet",
            [RepoPaths.VikaDll, .. arguments],
            TimeSpan.FromSeconds(60),
            RepoPaths.Root,
            new Dictionary<string, string> { ["VIKA_HOME"] = RepoPaths.Root, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
}
