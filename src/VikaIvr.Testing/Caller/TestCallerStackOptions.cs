using VikaIvr.Media.Clock;

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

    /// <summary>Phase slots per 20 ms of the shared media clock (fewer: fewer wake-ups, larger batches).</summary>
    public int PacerSlots { get; init; } = new MediaClockOptions().SlotsPerPeriod;

    /// <summary>
    /// With the shared receiver: one RTP port (RTCP the next) for every call, each announcing its
    /// SSRC (a=ssrc) so the far end can tell them apart; frames leave in one sendmmsg per pacer
    /// slot. 0: a port pair per call from the range.
    /// </summary>
    public int SharedRtpPort { get; init; }

    /// <summary>With the shared receiver: the shortest time between its waits (see MediaReceiverOptions.BatchInterval).</summary>
    public TimeSpan ReceiveBatchInterval { get; init; }
}
