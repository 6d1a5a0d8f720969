using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// A real softphone (baresip 1.0) run headless and driven over ctrl_tcp: dial, wait for the
/// answer, press keys (RFC 4733), hang up; events are collected; the audio it received is
/// dumped to a WAV by sndfile. Stopped by its own process id.
/// </summary>
public sealed class BaresipClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<BaresipEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpClient? _control;
    private Task? _reader;

    private BaresipClient(Process process, BaresipConfig config, string baseDir)
    {
        _process = process;
        Config = config;
        BaseDir = baseDir;
    }

    public BaresipConfig Config { get; }

    public string BaseDir { get; }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public IReadOnlyList<BaresipEvent> Events
    {
        get { lock (_events) { return [.. _events]; } }
    }

    /// <summary>How many times a start is tried when a port picked free was taken before baresip bound it.</summary>
    private const int PortAttempts = 3;

    /// <summary>
    /// Starts baresip on free ports. The ports are picked free and then bound by baresip: another
    /// process can take one in between (they come from the kernel's ephemeral range), so a start that
    /// fails with "Address already in use" is tried again on new ports.
    /// </summary>
    public static async Task<BaresipClient> StartAsync(TimeSpan? sourceLength = null, BaresipSetup? setup = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(sourceLength, setup);
            }
            catch (PortTakenException) when (attempt < PortAttempts)
            {
            }
        }
    }

    private static async Task<BaresipClient> StartOnceAsync(TimeSpan? sourceLength, BaresipSetup? setup)
    {
        if (!File.Exists(Path.Combine(BaresipConfig.ModulePath, "ctrl_tcp.so")))
        {
            throw new InvalidOperationException($"baresip's ctrl_tcp module is missing under {BaresipConfig.ModulePath}: install the Debian package baresip (scripts/setup.sh).");
        }

        var baseDir = Directory.CreateTempSubdirectory("vika-baresip-").FullName;
        var config = BaresipConfig.Create(baseDir, sourceLength ?? TimeSpan.FromSeconds(120), setup);
        var info = new ProcessStartInfo("baresip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = baseDir,
        };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(config.Directory);
        var process = new Process { StartInfo = info };
        var client = new BaresipClient(process, config, baseDir);
        process.OutputDataReceived += (_, e) => client.Append(e.Data);
        process.ErrorDataReceived += (_, e) => client.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("cannot start baresip (install the Debian package baresip): " + ex.Message, ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await client.ConnectAsync(TimeSpan.FromSeconds(10));
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>Dials and waits for CALL_ESTABLISHED; throws with the events seen when the call closes or the wait runs out.</summary>
    public async Task DialAsync(string uri, TimeSpan timeout)
    {
        var already = Events.Count;
        await SendAsync("dial", uri);
        var found = await WaitForAsync(e => e.Type is "CALL_ESTABLISHED" or "CALL_CLOSED", timeout, already);
        if (found.Type != "CALL_ESTABLISHED")
        {
            throw new InvalidOperationException($"baresip call to {uri} closed before it was answered: {found.Param}\n{Describe()}");
        }
    }

    /// <summary>Presses keys one by one (RFC 4733 from baresip), <paramref name="spacing"/> apart.</summary>
    public async Task SendDigitsAsync(string digits, TimeSpan spacing)
    {
        foreach (var digit in digits)
        {
            await SendAsync("sndcode", digit.ToString());
            await Task.Delay(spacing);
        }
    }

    /// <summary>Hangs up and waits for CALL_CLOSED.</summary>
    public async Task HangupAsync(TimeSpan timeout)
    {
        var already = Events.Count;
        await SendAsync("hangup", null);
        await WaitForAsync(e => e.Type == "CALL_CLOSED", timeout, already);
    }

    public async Task<BaresipEvent> WaitForAsync(Func<BaresipEvent, bool> match, TimeSpan timeout, int skip = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var events = Events;
            for (var i = skip; i < events.Count; i++)
            {
                if (!events[i].IsResponse && match(events[i]))
                {
                    return events[i];
                }
            }

            if (DateTime.UtcNow >= deadline || _process.HasExited)
            {
                throw new TimeoutException($"baresip: the awaited event did not come within {timeout.TotalSeconds:0} s.\n{Describe()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The decoded audio baresip received (sndfile's *-dec.wav); complete once the call closed.</summary>
    public string? ReceivedAudioPath()
    {
        var files = Directory.GetFiles(Config.RecordDir, "*-dec.wav");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Length == 0 ? null : files[^1];
    }

    public string Describe() =>
        $"--- baresip events ---\n{string.Join('\n', Events.Select(e => e.Raw))}\n--- baresip output ---\n{Tail(Output)}";

    /// <summary>Asks baresip to quit (sndfile closes its WAVs), then kills it by id if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_control is { Connected: true } && !_process.HasExited)
            {
                await SendAsync("quit", null);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Falls through to the kill below.
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        await _stop.CancelAsync();
        _control?.Dispose();
        if (_reader is not null)
        {
            await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _process.Dispose();
        _stop.Dispose();

        // The caller-audio WAV is the only large file; the received dump stays for the test to read.
        File.Delete(Config.SourceWav);
    }

    private async Task ConnectAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                string why = $"baresip exited with {_process.ExitCode} at start.\n{Output}";
                throw Output.Contains("Address already in use", StringComparison.Ordinal) ? new PortTakenException(why) : new InvalidOperationException(why);
            }

            var control = new TcpClient();
            try
            {
                await control.ConnectAsync(IPAddress.Loopback, Config.ControlPort);
                _control = control;
                _reader = Task.Run(ReadLoopAsync);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                control.Dispose();
                await Task.Delay(100);
            }
            catch (SocketException ex)
            {
                control.Dispose();
                throw new InvalidOperationException($"baresip's ctrl_tcp did not accept on 127.0.0.1:{Config.ControlPort}: {ex.Message}\n{Output}", ex);
            }
        }
    }

    private async Task SendAsync(string command, string? parameters)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["command"] = command,
            ["params"] = parameters ?? string.Empty,
            ["token"] = command,
        });
        var stream = (_control ?? throw new InvalidOperationException("baresip control not connected")).GetStream();
        await stream.WriteAsync(Netstring.Encode(payload));
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        var stream = _control!.GetStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
                foreach (var frame in Netstring.Drain(buffer))
                {
                    var parsed = BaresipEvent.Parse(frame);
                    lock (_events)
                    {
                        _events.Add(parsed);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or FormatException or JsonException)
        {
            Append("ctrl_tcp reader stopped: " + ex.Message);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length > 100_000)
            {
                _output.Remove(0, 50_000);
            }

            _output.AppendLine(line);
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];

    /// <summary>baresip could not bind a port picked free a moment before (another process took it).</summary>
    private sealed class PortTakenException(string message) : InvalidOperationException(message);
}
