using System.Diagnostics;
using System.Net;
using System.Text;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// One `vika serve` on loopback with its own ports and data folder, started from the vika.dll
/// beside the tests, ready once it answers OPTIONS with 200, stopped by its own process id.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>Admin:Bind for tests: loopback, any free port (the server logs the one it bound).</summary>
    public const string AnyAdminPort = "127.0.0.1:0";

    private const string AdminLine = "admin endpoint on ";
    private const int MaxOutputChars = 200_000;
    private readonly StringBuilder _output = new();
    private readonly Process _process;
    private Uri? _adminUrl;

    private readonly bool _ownsDataDir;

    private ServerProcess(Process process, int sipPort, (int Low, int High) rtp, string dataDir, bool ownsDataDir)
    {
        _process = process;
        _ownsDataDir = ownsDataDir;
        SipPort = sipPort;
        RtpPorts = rtp;
        DataDir = dataDir;
    }

    public int SipPort { get; }

    public (int Low, int High) RtpPorts { get; }

    public string DataDir { get; }

    public IPEndPoint SipEndPoint => new(IPAddress.Loopback, SipPort);

    public bool HasExited => _process.HasExited;

    /// <summary>The process id (to signal it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// The kernel's view of the server's signals and threads (/proc/PID/status: pending, blocked,
    /// ignored, caught), for a failure message about a signal that seems lost.
    /// </summary>
    public string SignalState
    {
        get
        {
            try
            {
                return string.Join(' ', File.ReadLines($"/proc/{_process.Id}/status")
                    .Where(l => l.StartsWith("Sig", StringComparison.Ordinal) || l.StartsWith("ShdPnd", StringComparison.Ordinal) || l.StartsWith("Threads", StringComparison.Ordinal))
                    .Select(l => l.Replace("\t", "", StringComparison.Ordinal)));
            }
            catch (IOException ex)
            {
                return "no /proc status: " + ex.Message;
            }
        }
    }

    /// <summary>The admin endpoint's address as the server logged it ("http://127.0.0.1:PORT"); throws when it logged none.</summary>
    public Uri AdminUrl => _adminUrl ?? throw new InvalidOperationException("the server logged no admin endpoint (Admin:Bind empty?)\n" + Output);

    /// <summary>What the server printed so far (bounded), for failure messages.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static async Task<ServerProcess> StartAsync(ServerOptions options)
    {
        var dll = RepoPaths.VikaDll;
        var sipPort = FreePorts.SipPort();
        var rtp = FreePorts.RtpRange();
        var dataDir = options.DataDir ?? Directory.CreateTempSubdirectory("vika-interop-data-").FullName;
        // `./vika` execs dotnet, so the process id stays the server's either way.
        string program = options.ThroughWrapper ? Path.Combine(RepoPaths.Root, "vika") : "dotnet";
        var info = new ProcessStartInfo(options.IgnoringHangup ? "nohup" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        if (options.IgnoringHangup)
        {
            info.ArgumentList.Add(program);
        }

        if (!options.ThroughWrapper)
        {
            info.ArgumentList.Add(dll);
        }

        foreach (var argument in ServeArguments(sipPort, rtp, dataDir, options))
        {
            info.ArgumentList.Add(argument);
        }

        // The server finds config/ and prompts/ through VIKA_HOME when run from a build folder.
        info.Environment["VIKA_HOME"] = RepoPaths.Root;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["VIKA_Admin__Bind"] = options.AdminBind;
        foreach (var (key, value) in options.Environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process, sipPort, rtp, dataDir, options.DataDir is null);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(options.StartTimeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public static IReadOnlyList<string> ServeArguments(int sipPort, (int Low, int High) rtp, string dataDir, ServerOptions options)
    {
        var arguments = new List<string>
        {
            "serve", "--bind", "127.0.0.1", "--sip-port", sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--rtp-ports", FormattableString.Invariant($"{rtp.Low}-{rtp.High}"), "--data", dataDir,
        };
        if (options.AnswerDelayMs > 0)
        {
            arguments.Add("--answer-delay-ms");
            arguments.Add(options.AnswerDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        arguments.AddRange(options.ExtraArguments);
        return arguments;
    }

    /// <summary>Runs another vika command (e.g. cdr) against this server's data folder.</summary>
    public Task<ProcessResult> RunCliAsync(IEnumerable<string> arguments, TimeSpan timeout) =>
        ProcessRunner.RunAsync(
            "dotnet",
            new[] { RepoPaths.VikaDll }.Concat(arguments).Concat(["--data", DataDir]),
            timeout,
            RepoPaths.Root,
            new Dictionary<string, string> { ["VIKA_HOME"] = RepoPaths.Root });

    /// <summary>True when the server still answers OPTIONS with 200 (it is the health probe).</summary>
    public async Task<bool> AnswersOptionsAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await SipOptionsProbe.ProbeAsync(SipEndPoint, TimeSpan.FromMilliseconds(500)) == 200)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sends SIGTERM, as a service manager stopping the server does.</summary>
    public async Task TerminateAsync()
    {
        var result = await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("kill -TERM failed: " + result.Describe());
        }
    }

    /// <summary>Waits (bounded) for the server to exit on its own; its exit status.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"vika serve did not exit within {timeout.TotalSeconds:0} s.\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
            try
            {
                if (_ownsDataDir) Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing teardown over it is not.
            }
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"vika serve exited with {_process.ExitCode} before answering OPTIONS (args: {string.Join(' ', _process.StartInfo.ArgumentList)}).\n{Output}");
            }

            if (await SipOptionsProbe.ProbeAsync(SipEndPoint, TimeSpan.FromMilliseconds(300)) == 200)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(
            $"vika serve did not answer OPTIONS with 200 on 127.0.0.1:{SipPort} within {timeout.TotalSeconds:0} s.\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length > MaxOutputChars)
            {
                _output.Remove(0, _output.Length - (MaxOutputChars / 2));
            }

            _output.AppendLine(line);
        }

        int at = line.IndexOf(AdminLine, StringComparison.Ordinal);
        if (at >= 0 && Uri.TryCreate(line[(at + AdminLine.Length)..].Trim(), UriKind.Absolute, out var url))
        {
            _adminUrl = url;
        }
    }
}
