namespace VikaIvr.Media.Clock;

/// <summary>How a pacer thread asks the OS to be scheduled; a level the process may not take falls back to the one below.</summary>
public enum PacerThreadPriority
{
    /// <summary>Like any other thread.</summary>
    Normal,

    /// <summary>AboveNormal; on Linux also nice −10 for the thread (needs CAP_SYS_NICE, else ignored).</summary>
    High,

    /// <summary>On Linux SCHED_FIFO (needs CAP_SYS_NICE; the kernel's RT throttling still leaves 5 % to others), else High.</summary>
    Realtime,
}
