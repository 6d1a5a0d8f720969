using System.Diagnostics;

namespace VikaIvr.Media.Tests.Codecs;

/// <summary>Runs sox for cross-checks. A missing sox fails the test; it never skips.</summary>
internal static class Sox
{
    public static void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("sox")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("sox did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("sox is required for this test (apt-get install -y sox)", ex);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                throw new TimeoutException("sox did not finish within 60 s");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"sox {string.Join(' ', arguments)} failed: {error.Result}");
            }
        }
    }
}
