using System.Diagnostics;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Web.ConsoleHarness;

/// <summary>`vika users add NAME --role R --data DIR` with the password written to its standard input.</summary>
public static class VikaUsersCli
{
    public static async Task<ProcessResult> AddAsync(string dataDir, string name, string role, string password, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[] { RepoPaths.VikaDll, "users", "add", name, "--role", role, "--data", dataDir })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["VIKA_HOME"] = RepoPaths.Root;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new ProcessResult(timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut);
    }
}
