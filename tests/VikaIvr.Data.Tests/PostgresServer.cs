using System.Diagnostics;
using Dapper;
using Npgsql;

namespace VikaIvr.Data.Tests;

/// <summary>
/// One real PostgreSQL server for the whole test run, started by the project's scripts/postgres.sh in
/// its own temp folder on a free port, stopped by its PID at the end. A server that cannot start fails
/// the tests that need it (never a skip). Each test takes a fresh database of its own.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public PostgresServer()
    {
        Script = Path.Combine(RepositoryRoot(), "scripts", "postgres.sh");
        DataDirectory = Path.Combine(Path.GetTempPath(), "vika-pg-tests-" + Guid.NewGuid().ToString("N")[..12]);
        var (code, stdout, stderr) = Run(Script, "start", DataDirectory);
        if (code != 0 || !stdout.Contains("Host=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"scripts/postgres.sh start failed ({code}): {stderr}");
        }

        ConnectionString = stdout.Trim();
        Pid = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Script { get; }
    public string DataDirectory { get; }

    /// <summary>To the database vika.</summary>
    public string ConnectionString { get; }

    public int Pid { get; }

    /// <summary>A new, empty database on this server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        Run(Script, "stop", DataDirectory);
        try
        {
            using var postmaster = Process.GetProcessById(Pid);
            if (!postmaster.HasExited && postmaster.ProcessName.StartsWith("postgres", StringComparison.Ordinal)) postmaster.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    internal static (int Code, string Stdout, string Stderr) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout.Result, "timed out; " + stderr.Result);
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "postgres.sh"))) return dir.FullName;
        }

        throw new InvalidOperationException("scripts/postgres.sh not found above " + AppContext.BaseDirectory);
    }
}
