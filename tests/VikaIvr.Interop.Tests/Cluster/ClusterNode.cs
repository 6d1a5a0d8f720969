using System.Globalization;
using System.Net;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// One `vika serve` node of a <see cref="LocalCluster"/>: its ports and folders as scripts/cluster.sh
/// wrote them to cluster.env, its PID file, its log and the exit status its keeper shell records.
/// </summary>
public sealed record ClusterNode(string Id, int SipPort, string DataDir, string PromptsDir, string LogPath, string PidFile)
{
    public IPEndPoint SipEndPoint => new(IPAddress.Loopback, SipPort);

    /// <summary>Where cluster.sh writes the node's exit status once it has ended.</summary>
    public string ExitFile => Path.ChangeExtension(PidFile, ".exit");

    public int Pid => int.Parse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture);

    /// <summary>The node's log so far (it is still being written).</summary>
    public string Log()
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>How many INVITEs with this Call-ID prefix reached the node (its SIP log line per new call).</summary>
    public int CallsReceived(string callIdPrefix)
    {
        var count = 0;
        var marker = "Sip call " + callIdPrefix;
        foreach (var line in Log().Split('\n'))
        {
            if (line.Contains(marker, StringComparison.Ordinal) && line.Contains(" to ", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>True when the INVITE of <paramref name="callId"/> reached this node.</summary>
    public bool Received(string callId) => Log().Contains($"Sip call {callId} to ", StringComparison.Ordinal);

    /// <summary>The exit status once the node has ended, else null.</summary>
    public int? ExitCode =>
        File.Exists(ExitFile) && int.TryParse(File.ReadAllText(ExitFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    public Task KillAsync() => SignalAsync("-KILL");

    /// <summary>SIGTERM, as a service manager stopping the node does.</summary>
    public Task TerminateAsync() => SignalAsync("-TERM");

    /// <summary>Waits (bounded) for the node to end; its exit status.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (ExitCode is { } code)
            {
                return code;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Id} did not exit within {timeout.TotalSeconds:0} s.\n{Tail(Log())}");
    }

    public static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];

    private async Task SignalAsync(string signal)
    {
        var result = await ProcessRunner.RunAsync("kill", [signal, Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {Id} failed: " + result.Describe());
        }
    }
}
