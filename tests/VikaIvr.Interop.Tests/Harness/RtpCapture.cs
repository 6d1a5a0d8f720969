using System.Diagnostics;
using System.Globalization;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// A tshark capture of the server's RTP port range on loopback, started before a call and stopped
/// (SIGTERM, by its own process id) after it: the UDP payloads the server sent, for checking what
/// went over the wire (plain G.711 or SRTP).
/// </summary>
public sealed class RtpCapture : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _file;
    private readonly (int Low, int High) _ports;

    private RtpCapture(Process process, string file, (int Low, int High) ports)
    {
        _process = process;
        _file = file;
        _ports = ports;
    }

    public static async Task<RtpCapture> StartAsync((int Low, int High) serverPorts, string directory)
    {
        var file = Path.Combine(directory, "rtp.pcap");
        var info = new ProcessStartInfo("tshark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-i", "lo", "-q", "-f", FormattableString.Invariant($"udp portrange {serverPorts.Low}-{serverPorts.High}"), "-w", file })
        {
            info.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Capturing on", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("cannot start tshark (install the Debian package tshark): " + ex.Message, ex);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var capture = new RtpCapture(process, file, serverPorts);
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            await capture.DisposeAsync();
            throw new InvalidOperationException("tshark did not start capturing on lo within 15 s");
        }

        return capture;
    }

    /// <summary>Stops the capture and returns the UDP payloads sent from the server's ports, in order.</summary>
    public async Task<IReadOnlyList<byte[]>> StopAsync()
    {
        await StopProcessAsync();
        var result = await ProcessRunner.RunAsync("tshark", ["-r", _file, "-T", "fields", "-e", "udp.srcport", "-e", "udp.payload"], TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("tshark could not read its capture: " + result.Describe());
        }

        var payloads = new List<byte[]>();
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length == 2 && int.TryParse(fields[0], CultureInfo.InvariantCulture, out var port)
                && port >= _ports.Low && port <= _ports.High && fields[1].Length > 0)
            {
                payloads.Add(Convert.FromHexString(fields[1].Replace(":", string.Empty, StringComparison.Ordinal)));
            }
        }

        return payloads;
    }

    /// <summary>
    /// The packets' audio as if they were plain G.711 RTP (12-byte header, 20 ms of PCMU or PCMA by
    /// payload type), in capture order: the prompt for a plain call, noise for SRTP.
    /// </summary>
    public static short[] AsPlainG711(IReadOnlyList<byte[]> packets)
    {
        ArgumentNullException.ThrowIfNull(packets);
        var samples = new List<short>();
        foreach (var packet in packets)
        {
            var payloadType = packet.Length >= 12 + 160 && packet[0] >> 6 == 2 ? packet[1] & 0x7F : -1;
            if (payloadType is not (0 or 8))
            {
                continue;
            }

            foreach (var code in packet.AsSpan(12, 160))
            {
                samples.Add(payloadType == 0 ? G711.MuLawToLinear(code) : G711.ALawToLinear(code));
            }
        }

        return [.. samples];
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        _process.Dispose();
    }

    private async Task StopProcessAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        // SIGTERM lets tshark flush the capture file; a kill would cut it.
        await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }
}
