namespace VikaIvr.Testing.Caller;

/// <summary>How the shared parts of the test callers are set up.</summary>
public sealed class TestCallerStackOptions
{
    /// <summary>Local RTP ports (busy ones are skipped).</summary>
    public int RtpPortMin { get; init; } = 42000;

    public int RtpPortMax { get; init; } = 43998;

    /// <summary>Pacer threads of the shared media clock.</summary>
    public int PacerThreads { get; init; } = 1;

    /// <summary>Receive every call's RTP on one shared receiver thread (Linux) instead of a loop per session.</summary>
    public bool SharedReceiver { get; init; }

    /// <summary>With the shared receiver: the kernel's receive time for each packet (SO_TIMESTAMPNS).</summary>
    public bool KernelTimestamps { get; init; }
}
