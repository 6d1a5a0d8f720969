using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>`vika users add NAME --role R --data DIR` with the password on standard input, as an admin types it.</summary>
internal static class ConsoleUsers
{
    public static async Task AddAsync(string dataDir, string name, string role, string password)
    {
        // ProcessRunner closes stdin at once: the password is piped by the shell instead.
        var result = await ProcessRunner.RunAsync("bash",
            ["-c", "printf '%s\\n' \"$VIKA_TEST_PASSWORD\" | dotnet \"$0\" users add \"$1\" --role \"$2\" --data \"$3\"", RepoPaths.VikaDll, name, role, dataDir],
            TimeSpan.FromSeconds(60), RepoPaths.Root,
            new Dictionary<string, string> { ["VIKA_HOME"] = RepoPaths.Root, ["VIKA_TEST_PASSWORD"] = password });
        if (result.ExitCode != 0) throw new InvalidOperationException("vika users add failed: " + result.Describe());
    }
}
