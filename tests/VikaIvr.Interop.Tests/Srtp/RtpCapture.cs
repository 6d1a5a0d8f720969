using System.Diagnostics;
using System.Globalization;

namespace VikaIvr.Interop.Tests.Srtp;

/// <summary>
/// tshark on the loopback for one UDP port range, streaming each datagram's ports and payload as it
/// is captured (line-buffered, so nothing waits for a file to be closed). Stopped by its own process id.
/// </summary>
public sealed class RtpCapture : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<CapturedDatagram> _datagrams = [];
    private readonly List<string> _errors = [];
    private readonly TaskCompletionSource _capturing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RtpCapture(Process process) => _process = process;

    public IReadOnlyList<CapturedDatagram> Datagrams
    {
        get { lock (_datagrams) { return [.. _datagrams]; } }
    }

    public string Errors
    {
        get { lock (_errors) { return string.Join('\n', _errors); } }
    }

    /// <summary>Starts tshark and returns once it reports that it captures; fails (never skips) when it cannot.</summary>
    public static async Task<RtpCapture> StartAsync(int low, int high, TimeSpan ready)
    {
        var info = new ProcessStartInfo("tshark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in new[] { "-i", "lo", "-l", "-n", "-f", $"udp portrange {low}-{high}", "-T", "fields", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "udp.payload" })
        {
            info.ArgumentList.Add(word);
        }

        var capture = new RtpCapture(new Process { StartInfo = info });
        capture._process.OutputDataReceived += (_, e) => capture.OnLine(e.Data);
        capture._process.ErrorDataReceived += (_, e) => capture.OnError(e.Data);
        try
        {
            capture._process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("cannot start tshark (install the Debian package tshark): " + ex.Message, ex);
        }

        capture._process.BeginOutputReadLine();
        capture._process.BeginErrorReadLine();
        try
        {
            await capture._capturing.Task.WaitAsync(ready);
        }
        catch (TimeoutException)
        {
            await capture.DisposeAsync();
            throw new InvalidOperationException("tshark did not start capturing on lo:\n" + capture.Errors);
        }

        return capture;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for what was captured (tshark prints with a short delay).</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<CapturedDatagram>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Datagrams))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the capture did not show what was expected ({Datagrams.Count} datagrams)\n{Errors}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        var fields = line.Split('\t');
        if (fields.Length == 3 && int.TryParse(fields[0], CultureInfo.InvariantCulture, out int from)
            && int.TryParse(fields[1], CultureInfo.InvariantCulture, out int to))
        {
            var payload = Convert.FromHexString(fields[2].Replace(":", string.Empty, StringComparison.Ordinal));
            lock (_datagrams)
            {
                _datagrams.Add(new CapturedDatagram(from, to, payload));
            }
        }
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errors)
        {
            _errors.Add(line);
        }

        if (line.Contains("Capturing on", StringComparison.Ordinal))
        {
            _capturing.TrySetResult();
        }
    }
}
