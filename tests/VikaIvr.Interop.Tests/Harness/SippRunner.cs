using System.Globalization;
using System.Net;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// Runs SIPp (Debian sip-tester) against a SIP endpoint on loopback, bounded in time, from
/// tests/sipp (scenarios name their captures relative to it). A missing or broken sipp is an
/// exception, so the test fails with the reason: interop tests never skip.
/// </summary>
public static class SippRunner
{
    public static async Task<SippResult> RunAsync(SippRun run, IPEndPoint target, string? workDir = null)
    {
        var traceDir = workDir ?? Directory.CreateTempSubdirectory("vika-sipp-").FullName;
        var statFile = Path.Combine(traceDir, "stat.csv");
        var errorFile = Path.Combine(traceDir, "errors.log");
        var messageFile = Path.Combine(traceDir, "messages.log");
        var arguments = Arguments(run, target, statFile, errorFile, messageFile);

        // SIPp's own -timeout stops it; the outer bound only catches a SIPp that hangs anyway.
        var result = await ProcessRunner.RunAsync("sipp", arguments, run.Timeout + TimeSpan.FromSeconds(15), RepoPaths.SippDir);
        if (result.ExitCode is 255 or 254 && result.StdErr.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("SIPp could not bind its sockets: " + result.Describe());
        }

        var statistics = File.Exists(statFile) ? SippStatistics.Parse(await File.ReadAllTextAsync(statFile)) : SippStatistics.Empty;
        var errors = File.Exists(errorFile) ? await File.ReadAllTextAsync(errorFile) : string.Empty;
        var messages = File.Exists(messageFile) ? await File.ReadAllTextAsync(messageFile) : string.Empty;
        if (result.ExitCode != 0 && statistics.TotalCalls == 0 && errors.Length == 0 && messages.Length == 0)
        {
            throw new InvalidOperationException("SIPp did not run a single call (is sip-tester installed and the scenario valid?): " + result.Describe());
        }

        if (workDir is null && result.ExitCode == 0)
        {
            Directory.Delete(traceDir, recursive: true);
        }

        return new SippResult(result, statistics, errors, messages);
    }

    public static IReadOnlyList<string> Arguments(SippRun run, IPEndPoint target, string statFile, string errorFile, string messageFile)
    {
        var invariant = CultureInfo.InvariantCulture;
        var scenario = Path.IsPathRooted(run.Scenario) ? run.Scenario : Path.Combine(RepoPaths.SippDir, run.Scenario);
        var arguments = new List<string>
        {
            "-sf", scenario,
            "-t", run.Transport,
            "-i", run.LocalAddress,
            "-p", FreePorts.SipPort().ToString(invariant),
            "-mp", FreePorts.UdpPort().ToString(invariant),
            "-s", run.Service,
            "-m", run.Calls.ToString(invariant),
            "-r", run.RatePerSecond.ToString(invariant),
            "-d", run.PauseMs.ToString(invariant),
            "-cid_str", run.CallIdPrefix + "-%u",
            "-timeout", ((int)Math.Ceiling(run.Timeout.TotalSeconds)).ToString(invariant) + "s",
            "-timeout_error",
            "-nostdin",
            "-trace_stat", "-stf", statFile, "-fd", "1",
            "-trace_err", "-error_file", errorFile,
            "-trace_msg", "-message_file", messageFile,
        };
        arguments.AddRange(run.ExtraArguments);
        arguments.Add(FormattableString.Invariant($"{target.Address}:{target.Port}"));
        return arguments;
    }
}
