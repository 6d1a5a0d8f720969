using System.Diagnostics;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Web.Prompts;

/// <summary>
/// A server for the prompts pages: its prompts in a temporary copy of prompts/ (uploads never touch the
/// repository), a data folder of the test's own holding two console accounts made with `vika users add`
/// (password on standard input, as an admin does it), the admin endpoint on a free loopback port.
/// </summary>
public sealed class PromptsServerFixture : IAsyncLifetime
{
    public const string Operator = "rina";
    public const string Supervisor = "sari";
    public const string Password = "rahasia-prompt-123";

    private ServerProcess? _server;
    private Exception? _startFailure;

    public PromptsServerFixture()
    {
        Work = Directory.CreateTempSubdirectory("vika-prompts-pages-").FullName;
        PromptsDir = Path.Combine(Work, "prompts");
        DataDir = Path.Combine(Work, "data");
        Copy(Path.Combine(RepoPaths.Root, "prompts"), PromptsDir);
    }

    public string Work { get; }
    public string PromptsDir { get; }
    public string DataDir { get; }

    public ServerProcess Server =>
        _server ?? throw new InvalidOperationException("the server did not start: " + _startFailure?.Message, _startFailure);

    public async Task InitializeAsync()
    {
        try
        {
            await AddUserAsync(Operator, "operator");
            await AddUserAsync(Supervisor, "supervisor");
            _server = await ServerProcess.StartAsync(new ServerOptions { DataDir = DataDir, ExtraArguments = ["--prompts", PromptsDir] });
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            _startFailure = ex;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { }
    }

    private async Task AddUserAsync(string name, string role)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var a in new[] { RepoPaths.VikaDll, "users", "add", name, "--role", role, "--data", DataDir }) info.ArgumentList.Add(a);
        info.Environment["VIKA_HOME"] = RepoPaths.Root;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        await process.StandardInput.WriteLineAsync(Password);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"vika users add {name} failed ({process.ExitCode}): {await stdout}{await stderr}");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
