using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Clock;

namespace VikaIvr.Media.Receive;

/// <summary>
/// Receives every call's RTP and RTCP on a few threads (epoll over non-blocking sockets, one
/// synchronous read per readiness event) instead of one async receive loop per socket: no
/// allocation and no thread-pool hop per packet, so a busy server neither feeds the GC from
/// its receive path nor queues packets behind SIP work. Linux only (<see cref="IsSupported"/>);
/// elsewhere sessions keep their own async loops.
/// </summary>
public sealed partial class MediaReceiver : IDisposable
{
    private const int MaxDatagram = 1500;
    private const int MaxEvents = 256;
    private const int BatchDatagrams = 64;

    private readonly MediaReceiverOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly int[] _epolls;
    private readonly Thread[] _threads;
    private ReceiverRegistration?[] _slots = new ReceiverRegistration?[256];
    private uint[] _generations = new uint[256];
    private long _readPasses;
    private int _usedSlots;
    private int _nextThread;
    private volatile bool _stopping;
    private int _started;

    public MediaReceiver(MediaReceiverOptions options, ILogger<MediaReceiver> logger)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("The media receiver needs Linux epoll (x64 or arm64).");
        }

        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        int count = Math.Clamp(_options.Threads, 1, Math.Max(1, Environment.ProcessorCount));
        _epolls = new int[count];
        _threads = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            _epolls[i] = LinuxEpoll.Create();
            int index = i;
            _threads[i] = new Thread(() => Run(index)) { IsBackground = true, Name = $"media-rx-{i}" };
        }
    }

    public static bool IsSupported => LinuxEpoll.IsSupported;

    /// <summary>Sockets being watched.</summary>
    public int Registrations
    {
        get
        {
            lock (_gate)
            {
                return _usedSlots;
            }
        }
    }

    /// <summary>Waits that returned datagrams to read, over all threads (with a batch interval, about one per interval when busy).</summary>
    public long ReadPasses => Interlocked.Read(ref _readPasses);

    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            foreach (var thread in _threads)
            {
                thread.Start();
            }
        }
    }

    /// <summary>
    /// Watches <paramref name="socket"/> and hands its datagrams to <paramref name="sink"/> with
    /// <paramref name="channel"/>. Dispose the registration before the socket closes. Each read asks
    /// the kernel not to wait (recvmsg MSG_DONTWAIT), so the socket itself may stay blocking: made
    /// non-blocking, the runtime would give it its asynchronous machinery (about 300 bytes a socket,
    /// see <see cref="Net.LinuxDatagramSend"/> for its sends). <paramref name="batched"/>: the socket
    /// carries many streams (a shared RTP port, made non-blocking), so each readiness is answered with
    /// recvmmsg, many datagrams a system call.
    /// </summary>
    internal ReceiverRegistration Register(Socket socket, IDatagramSink sink, int channel, bool batched = false)
        => Register(socket, null, sink, channel, batched);

    /// <summary>
    /// Watches a pair of sockets with one registration (a call's RTP on <paramref name="channel"/>,
    /// RTCP on <paramref name="channel"/> + 1): one slot, the socket told by the low bit of the
    /// epoll data.
    /// </summary>
    internal ReceiverRegistration Register(Socket socket, Socket? second, IDatagramSink sink, int channel, bool batched = false)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        Prepare(socket, batched);
        if (second is not null)
        {
            Prepare(second, batched);
        }

        int fd = (int)socket.Handle;
        int secondFd = second is null ? -1 : (int)second.Handle;
        lock (_gate)
        {
            int slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _usedSlots;
            if (slot >= _slots.Length)
            {
                var grown = new ReceiverRegistration?[_slots.Length * 2];
                Array.Copy(_slots, grown, _slots.Length);
                Array.Resize(ref _generations, grown.Length);
                Volatile.Write(ref _slots, grown);
            }

            uint generation = ++_generations[slot];
            int thread = _nextThread++ % _threads.Length;
            var registration = new ReceiverRegistration(this, socket, fd, second, secondFd, sink, channel, slot, generation, thread) { Batched = batched };
            Volatile.Write(ref _slots[slot], registration);
            int epoll = _epolls[thread];
            int error = LinuxEpoll.Add(epoll, fd, EventData(generation, slot, 0));
            if (error == 0 && second is not null)
            {
                error = LinuxEpoll.Add(epoll, secondFd, EventData(generation, slot, 1));
                if (error != 0)
                {
                    LinuxEpoll.Remove(epoll, fd);
                }
            }

            if (error != 0)
            {
                _slots[slot] = null;
                _freeSlots.Push(slot);
                throw new SocketException(error);
            }

            _usedSlots++;
            return registration;
        }
    }

    private void Prepare(Socket socket, bool batched)
    {
        if (batched)
        {
            socket.Blocking = false;
        }

        if (_options.KernelTimestamps)
        {
            LinuxTimestampedReceive.Enable(socket);
        }
    }

    /// <summary>The generation (high half), the slot and which socket of the pair (low bit).</summary>
    private static ulong EventData(uint generation, int slot, int which) => ((ulong)generation << 32) | ((uint)slot << 1) | (uint)which;

    internal void Unregister(ReceiverRegistration registration)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_slots[registration.Slot], registration))
            {
                return;
            }

            LinuxEpoll.Remove(_epolls[registration.Thread], registration.Fd);
            if (registration.Second is not null)
            {
                LinuxEpoll.Remove(_epolls[registration.Thread], registration.SecondFd);
            }
            Volatile.Write(ref _slots[registration.Slot], null);
            _freeSlots.Push(registration.Slot);
            _usedSlots--;
        }
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        foreach (var thread in _threads)
        {
            if (thread.IsAlive)
            {
                thread.Join((_options.IdleWake * 5) + _options.BatchInterval);
            }
        }

        foreach (int epoll in _epolls)
        {
            LinuxEpoll.Close(epoll);
        }
    }

    private void Run(int index)
    {
        if (_options.Priority != PacerThreadPriority.Normal && LinuxPacerThread.IsSupported)
        {
            LinuxPacerThread.Raise(_options.Priority);
        }

        var events = new byte[MaxEvents * LinuxEpoll.EventSize];
        var v4 = new SocketAddress(AddressFamily.InterNetwork);
        var v6 = new SocketAddress(AddressFamily.InterNetworkV6);
        int idleMs = Math.Max(1, (int)_options.IdleWake.TotalMilliseconds);
        long batchTicks = (long)(_options.BatchInterval.TotalSeconds * Stopwatch.Frequency);
        long woke = 0;
        // Without kernel timestamps enabled on the sockets the time read is 0, as the receiver reports then.
        using var stamped = new LinuxTimestampedReceive(MaxDatagram);
        using var batch = new LinuxBatchedReceive(BatchDatagrams, MaxDatagram);
        while (!_stopping)
        {
            if (batchTicks > 0)
            {
                // Let the interval's datagrams gather, then read them in one pass (see BatchInterval).
                long rest = woke + batchTicks - Stopwatch.GetTimestamp();
                if (rest > 0)
                {
                    LinuxPacerThread.Sleep(rest * 1_000_000_000 / Stopwatch.Frequency);
                }
            }

            int n = LinuxEpoll.Wait(_epolls[index], events, idleMs);
            woke = n == MaxEvents ? 0 : Stopwatch.GetTimestamp();
            if (n < 0)
            {
                LogWaitFailed(index);
                Thread.Sleep(10);
                continue;
            }

            if (n > 0)
            {
                Interlocked.Increment(ref _readPasses);
            }

            var slots = Volatile.Read(ref _slots);
            for (int i = 0; i < n; i++)
            {
                ulong data = LinuxEpoll.DataAt(events, i);
                int slot = (int)((uint)data >> 1);
                int which = (int)(data & 1);
                var registration = (uint)slot < (uint)slots.Length ? Volatile.Read(ref slots[slot]) : null;
                if (registration is null || registration.Generation != (uint)(data >> 32) || registration.IsDisposed)
                {
                    continue;
                }

                var socket = which == 0 ? registration.Socket : registration.Second;
                if (socket is null)
                {
                    continue;
                }

                int fd = which == 0 ? registration.Fd : registration.SecondFd;
                int channel = registration.Channel + which;
                var from = socket.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : v4;
                if (registration.Batched)
                {
                    ReadBatch(registration, fd, channel, batch, from);
                }
                else
                {
                    ReadOne(registration, socket, fd, channel, stamped, from);
                }
            }
        }
    }

    /// <summary>
    /// One datagram per readiness event (level-triggered epoll reports the socket again while more
    /// wait), with the kernel's receive time when the socket has SO_TIMESTAMPNS on (else 0).
    /// </summary>
    private void ReadOne(ReceiverRegistration registration, Socket socket, int fd, int channel, LinuxTimestampedReceive stamped, SocketAddress from)
    {
        int n;
        long receivedAtNs;
        // Held for the read, as the socket's own receive would: a socket closing meanwhile keeps its
        // descriptor until then, so the read never lands on a descriptor reused by another call.
        var handle = socket.SafeHandle;
        bool held = false;
        try
        {
            handle.DangerousAddRef(ref held);
            n = stamped.Read(fd, from, out receivedAtNs);
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        finally
        {
            if (held)
            {
                handle.DangerousRelease();
            }
        }

        if (n == 0)
        {
            return;
        }

        if (n < 0)
        {
            Deliver(registration, channel, LinuxTimestampedReceive.Error(-n));
            return;
        }

        try
        {
            registration.Sink.OnDatagram(channel, stamped.Datagram(n), from, receivedAtNs);
        }
        catch (Exception ex)
        {
            LogSinkFailed(ex, registration.Sink.GetType().Name);
        }
    }

    /// <summary>
    /// Everything waiting on a shared socket, <see cref="BatchDatagrams"/> a system call, for a few
    /// rounds at most: level-triggered epoll reports the socket again if more remain, so one busy
    /// socket cannot hold the thread from the others.
    /// </summary>
    private void ReadBatch(ReceiverRegistration registration, int fd, int channel, LinuxBatchedReceive batch, SocketAddress from)
    {
        for (int round = 0; round < 8; round++)
        {
            int n = batch.Read(fd);
            if (n < 0)
            {
                Deliver(registration, channel, LinuxTimestampedReceive.Error(-n));
                return;
            }

            for (int i = 0; i < n; i++)
            {
                batch.Sender(i, from);
                try
                {
                    registration.Sink.OnDatagram(channel, batch.Datagram(i), from, _options.KernelTimestamps ? batch.ReceivedAtNs(i) : 0);
                }
                catch (Exception ex)
                {
                    LogSinkFailed(ex, registration.Sink.GetType().Name);
                }
            }

            if (n < batch.Capacity)
            {
                return;
            }
        }
    }

    private void Deliver(ReceiverRegistration registration, int channel, SocketException error)
    {
        try
        {
            registration.Sink.OnReceiveError(channel, error);
        }
        catch (Exception ex)
        {
            LogErrorSinkFailed(ex, registration.Sink.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "epoll_wait failed on media receive thread {Thread}")]
    private partial void LogWaitFailed(int thread);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media receive handler {Sink} failed")]
    private partial void LogSinkFailed(Exception exception, string sink);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media receive error handler {Sink} failed")]
    private partial void LogErrorSinkFailed(Exception exception, string sink);
}
