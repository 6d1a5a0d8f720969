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
}
