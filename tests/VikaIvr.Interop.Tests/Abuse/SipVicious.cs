using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>
/// Debian's sipvicious 0.3.3 (svmap, svwar) against a server on loopback, bound to one source
/// address and a free port of its own, printing every packet it receives (--debug / -d). With a
/// <c>userAgent</c> it runs under that User-Agent instead of its own "friendly-scanner"
/// (sipvicious_as.py: the tools have no option for it).
/// </summary>
public static partial class SipVicious
{
    /// <summary>What sipvicious calls an extension it found, in its result table ("| 165 | noauth |").</summary>
    private static readonly Regex Found = FoundRow();

    public static Task<ProcessResult> MapAsync(IPEndPoint server, string source, string? userAgent = null) =>
        RunAsync("svmap", userAgent, ["-p", Port(server), "-b", source, "-P", Port(FreePorts.UdpPort()), "-d", server.Address.ToString()]);

    /// <summary>svwar with <paramref name="method"/> (OPTIONS or INVITE) over <paramref name="extensions"/>, one request per 50 ms (under the per-source limit).</summary>
    public static Task<ProcessResult> WarAsync(IPEndPoint server, string source, string method, string extensions, string? userAgent = null) =>
        RunAsync("svwar", userAgent,
            ["-p", Port(server), "-b", source, "-P", Port(FreePorts.UdpPort()), "-m", method, "-e", extensions, "-t", "0.05", "--maximumtime", "3", "--debug",
             server.Address.ToString()]);

    /// <summary>The extensions svwar reports as existing (any kind: noauth, reqauth, weird).</summary>
    public static IReadOnlyList<string> FoundExtensions(ProcessResult run) =>
        [.. Found.Matches(run.StdOut + run.StdErr).Select(m => m.Groups[1].Value).Where(e => e != "Extension")];

    /// <summary>Every SIP message sipvicious printed as received (its debug output: Python byte strings).</summary>
    public static IReadOnlyList<string> Received(ProcessResult run) =>
        [.. (run.StdOut + run.StdErr).Split('\n').Where(l => l.StartsWith("b'SIP/2.0 ", StringComparison.Ordinal) || l.StartsWith("b\"SIP/2.0 ", StringComparison.Ordinal))];

    private static async Task<ProcessResult> RunAsync(string tool, string? userAgent, IReadOnlyList<string> arguments)
    {
        var (program, all) = userAgent is null
            ? (tool, arguments)
            : ("python3", (IReadOnlyList<string>)[Path.Combine(RepoPaths.Root, "tests", "VikaIvr.Interop.Tests", "Abuse", "sipvicious_as.py"), tool, userAgent, .. arguments]);
        var result = await ProcessRunner.RunAsync(program, all, TimeSpan.FromSeconds(40));
        if (result.TimedOut || result.StdErr.Contains("Traceback", StringComparison.Ordinal) || result.StdErr.Contains("unexpected sipvicious", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{tool} did not run (is sipvicious installed? scripts/setup.sh installs it): " + result.Describe());
        }

        return result;
    }

    private static string Port(IPEndPoint endPoint) => Port(endPoint.Port);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\|\s*(\S+)\s*\|\s*(?:noauth|reqauth|weird)\s*\|", RegexOptions.Multiline)]
    private static partial Regex FoundRow();
}
