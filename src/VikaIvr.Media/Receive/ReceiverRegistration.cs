using System.Net.Sockets;

namespace VikaIvr.Media.Receive;

/// <summary>One socket watched by the media receiver; disposing stops the watch before the socket may close.</summary>
public sealed class ReceiverRegistration : IDisposable
{
    private readonly MediaReceiver _owner;
    private int _disposed;

    internal ReceiverRegistration(MediaReceiver owner, Socket socket, int fd, IDatagramSink sink, int channel, int slot, uint generation, int thread)
    {
        _owner = owner;
        Socket = socket;
        Fd = fd;
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
