using System.Net.Sockets;

namespace VikaIvr.Media.Receive;

/// <summary>
/// One socket, or a pair (a call's RTP and RTCP: one object for both), watched by the media
/// receiver; disposing stops the watch before the sockets may close. The second socket's
/// datagrams come with <see cref="Channel"/> + 1.
/// </summary>
public sealed class ReceiverRegistration : IDisposable
{
    private readonly MediaReceiver _owner;
    private int _disposed;

    internal ReceiverRegistration(MediaReceiver owner, Socket socket, int fd, Socket? second, int secondFd, IDatagramSink sink, int channel, int slot, uint generation, int thread)
    {
        _owner = owner;
        Socket = socket;
        Fd = fd;
        Second = second;
        SecondFd = secondFd;
        Sink = sink;
        Channel = channel;
        Slot = slot;
        Generation = generation;
        Thread = thread;
    }

    internal Socket Socket { get; }

    internal IDatagramSink Sink { get; }

    internal int Channel { get; }

    internal int Slot { get; }

    internal uint Generation { get; }

    internal int Thread { get; }

    internal int Fd { get; }

    /// <summary>The pair's second socket (its datagrams on <see cref="Channel"/> + 1); null for one socket.</summary>
    internal Socket? Second { get; }

    /// <summary>The second socket's descriptor; -1 without one.</summary>
    internal int SecondFd { get; }

    /// <summary>A socket of many streams: read with recvmmsg.</summary>
    internal bool Batched { get; init; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _owner.Unregister(this);
        }
    }
}
