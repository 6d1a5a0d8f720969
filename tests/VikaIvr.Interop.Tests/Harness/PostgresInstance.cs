namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// A PostgreSQL server started by the project's scripts/postgres.sh in a temp folder of its own on a
/// free port; stopped by the same script (then by its PID) at dispose. Failing to start is an exception.
/// </summary>
public sealed class PostgresInstance : IAsyncDisposable
{
    private PostgresInstance(string dataDir, string connectionString, int pid)
    {
        DataDir = dataDir;
        ConnectionString = connectionString;
        Pid = pid;
    }

    public string DataDir { get; }

    public string ConnectionString { get; }

    public int Pid { get; }

    private static string Script => Path.Combine(RepoPaths.Root, "scripts", "postgres.sh");

    public static async Task<PostgresInstance> StartAsync()
    {
        // Not CreateTempSubdirectory (mode 0700): the postgres user must reach the folder.
        string dir = Path.Combine(Path.GetTempPath(), "vika-interop-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var result = await ProcessRunner.RunAsync("bash", [Script, "start", dir], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0 || !result.StdOut.Contains("Host=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("scripts/postgres.sh start failed: " + result.Describe());
        }

        int pid = int.Parse(File.ReadLines(Path.Combine(dir, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        return new PostgresInstance(dir, result.StdOut.Trim(), pid);
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.RunAsync("bash", [Script, "stop", DataDir], TimeSpan.FromMinutes(1));
        try
        {
            using var postmaster = System.Diagnostics.Process.GetProcessById(Pid);
            if (!postmaster.HasExited && postmaster.ProcessName.StartsWith("postgres", StringComparison.Ordinal)) postmaster.Kill();
        }
        catch (ArgumentException)
        {
            // Stopped already.
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
