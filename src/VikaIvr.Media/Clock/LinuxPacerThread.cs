using System.Runtime.InteropServices;

namespace VikaIvr.Media.Clock;

/// <summary>
/// Linux calls a pacer thread makes on itself: a relative clock_nanosleep with 1 ns timer slack
/// (Thread.Sleep and wait handles only take whole milliseconds), and the thread's scheduling
/// priority (.NET's ThreadPriority has no effect on Linux).
/// </summary>
internal static partial class LinuxPacerThread
{
    private const int ClockMonotonic = 1;
    private const int PrSetTimerSlack = 29;
    private const int PrioProcess = 0;
    private const int SchedFifo = 1;
    private const int Interrupted = 4;

    public static bool IsSupported => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>Lets short sleeps end on time instead of up to 50 µs late (the default slack).</summary>
    public static void UseFineTimerSlack() => _ = Prctl(PrSetTimerSlack, 1, 0, 0, 0);

    /// <summary>Sleeps about <paramref name="nanoseconds"/>; returns early on a signal (the caller re-checks the time).</summary>
    public static void Sleep(long nanoseconds)
    {
        if (nanoseconds <= 0)
        {
            return;
        }

        var request = new Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        int result = ClockNanosleep(ClockMonotonic, 0, ref request, IntPtr.Zero);
        if (result != 0 && result != Interrupted)
        {
            Thread.Yield();
        }
    }

    /// <summary>Raises the calling thread as far as allowed towards <paramref name="priority"/>; returns what it got.</summary>
    public static PacerThreadPriority Raise(PacerThreadPriority priority)
    {
        if (priority == PacerThreadPriority.Realtime)
        {
            var param = new SchedParam { Priority = 10 };
            if (SchedSetScheduler(0, SchedFifo, ref param) == 0)
            {
                return PacerThreadPriority.Realtime;
            }
        }

        if (priority >= PacerThreadPriority.High && SetPriority(PrioProcess, 0, -10) == 0)
        {
            return PacerThreadPriority.High;
        }

        return PacerThreadPriority.Normal;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clockId, int flags, ref Timespec request, IntPtr remain);

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    private static partial int SchedSetScheduler(int pid, int policy, ref SchedParam param);

    // On Linux PRIO_PROCESS with who = 0 applies to the calling thread only.
    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, uint who, int priority);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
