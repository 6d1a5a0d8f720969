using VikaIvr.Media.Clock;

namespace VikaIvr.Media.Receive;

public sealed class MediaReceiverOptions
{
    /// <summary>Receive threads, each watching its share of the sockets (one handles thousands of calls).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Asked for the receive threads; High (nice −10) keeps reads ahead of other work without realtime's risk under a packet flood.</summary>
    public PacerThreadPriority Priority { get; init; } = PacerThreadPriority.High;

    /// <summary>How often an idle thread wakes to notice it is being stopped.</summary>
    public TimeSpan IdleWake { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Hand each datagram the kernel's receive time (SO_TIMESTAMPNS through recvmsg) so a measuring
    /// receiver (the load tester) sees arrival timing without its own scheduling delays. Off: the
    /// plain read, and sinks get 0.
    /// </summary>
    public bool KernelTimestamps { get; init; }

    /// <summary>
    /// The shortest time between two waits of a receive thread (0: wait again at once). With it, a
    /// busy thread sleeps out the rest of the interval after a read pass and then takes every
    /// datagram that arrived meanwhile in one pass: one wake-up per interval instead of about one per
    /// packet (each wake-up costs a context switch, the dearest part of receiving at thousands of
    /// calls). Packets wait at most this long; arrival timing is unaffected with
    /// <see cref="KernelTimestamps"/> (the kernel's time, not the read's).
    /// </summary>
    public TimeSpan BatchInterval { get; init; }
}
