using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>Runs `dotnet vika.dll ARGS` the way a person runs `./vika ARGS`, bounded in time.</summary>
public static class VikaCli
{
    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), arguments);

    /// <summary>The same with extra environment variables, e.g. VIKA_Sip__Port=abc.</summary>
    public static Task<ProcessResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var all = new Dictionary<string, string>(environment) { ["VIKA_HOME"] = RepoPaths.Root, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        // A `serve` started here must not fight the other tests' servers for the admin port 8165.
        all.TryAdd("VIKA_Admin__Bind", ServerProcess.AnyAdminPort);
        return ProcessRunner.RunAsync("dotnet", [RepoPaths.VikaDll, .. arguments], TimeSpan.FromSeconds(60), RepoPaths.Root, all);
    }
}
