using System.Runtime;
using System.Runtime.InteropServices;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// How `serve` asks to be scheduled. Media pacers already run realtime; but whenever the
/// runtime stops every thread (a garbage collection, tiered-JIT code swaps) the pacers wait
/// for the ordinary thread doing that work, and on a busy machine that thread waits its turn
/// behind every other process. "high" gives all the server's threads nice −10 (like
/// FreeSWITCH's -hp or Asterisk's -p) so those stops stay short; "normal" leaves the OS default.
/// The GC is asked to avoid blocking full collections while calls run (SustainedLowLatency).
/// </summary>
public static partial class ServerPriority
{
    private const int PrioProcess = 0;
    private const int HighNice = -10;

    /// <summary>True for the values <see cref="Apply"/> takes: normal or high.</summary>
    public static bool IsKnown(string? priority) =>
        string.Equals(priority, "normal", StringComparison.OrdinalIgnoreCase) || string.Equals(priority, "high", StringComparison.OrdinalIgnoreCase);

    /// <summary>Applies <paramref name="priority"/> ("normal" or "high"); returns a line saying what was granted.</summary>
    public static string Apply(string priority)
    {
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        if (string.Equals(priority, "normal", StringComparison.OrdinalIgnoreCase))
        {
            return "priority normal";
        }

        if (!string.Equals(priority, "high", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Server:Priority needs normal or high, not '{priority}'", nameof(priority));
        }

        if (!OperatingSystem.IsLinux())
        {
            return "priority normal (high is Linux only)";
        }

        // Linux has no process-wide nice for threads: each existing thread is raised, and threads
        // started later inherit the value from the thread that starts them.
        int raised = 0, refused = 0;
        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), out int tid))
            {
                if (SetPriority(PrioProcess, (uint)tid, HighNice) == 0) raised++;
                else refused++;
            }
        }

        return refused == 0
            ? $"priority high (nice {HighNice} on {raised} threads)"
            : raised == 0 ? "priority normal (high refused: needs CAP_SYS_NICE)" : $"priority high on {raised} threads, refused on {refused}";
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, uint who, int priority);
}
