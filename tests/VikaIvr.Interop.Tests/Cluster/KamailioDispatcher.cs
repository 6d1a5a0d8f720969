using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// Kamailio's view of the nodes (`kamcmd dispatcher.list` over its control socket): each node's
/// flags, "AP" while it takes calls, "IP" once it is out of rotation.
/// </summary>
public static class KamailioDispatcher
{
    /// <summary>Flags by node SIP port.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> ListAsync(string controlSocket)
    {
        var result = await ProcessRunner.RunAsync("kamcmd", ["-s", controlSocket, "dispatcher.list"], TimeSpan.FromSeconds(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("kamcmd dispatcher.list failed: " + result.Describe());
        }

        return Parse(result.StdOut);
    }

    public static IReadOnlyDictionary<int, string> Parse(string listing)
    {
        var flags = new Dictionary<int, string>();
        int? port = null;
        foreach (var raw in listing.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("URI:", StringComparison.Ordinal))
            {
                var uri = line[4..].Trim();
                port = int.Parse(uri[(uri.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("FLAGS:", StringComparison.Ordinal) && port is { } p)
            {
                flags[p] = line[6..].Trim();
                port = null;
            }
        }

        return flags;
    }

    /// <summary>Polls until the node on <paramref name="sipPort"/> is (or is not) active; the time it took, or null at the deadline.</summary>
    public static async Task<TimeSpan?> WaitForStateAsync(string controlSocket, int sipPort, bool active, TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < timeout)
        {
            var list = await ListAsync(controlSocket);
            if (list.TryGetValue(sipPort, out var flags) && flags.StartsWith('A') == active)
            {
                return started.Elapsed;
            }

            await Task.Delay(100);
        }

        return null;
    }
}
