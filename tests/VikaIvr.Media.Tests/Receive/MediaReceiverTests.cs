using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;

namespace VikaIvr.Media.Tests.Receive;

[Collection(AllocationCollection.Name)]
public sealed class MediaReceiverTests : IDisposable
{
    private readonly MediaReceiver _receiver = new(new MediaReceiverOptions { Threads = 2, Priority = PacerThreadPriority.Normal, IdleWake = TimeSpan.FromMilliseconds(20) }, NullLogger<MediaReceiver>.Instance);
    private readonly List<Socket> _sockets = [];

    public MediaReceiverTests() => _receiver.Start();

    [Fact]
    public async Task Hands_each_socket_its_own_datagrams_with_the_sender_address()
    {
        var sinks = new List<Sink>();
        var registrations = new List<ReceiverRegistration>();
        for (int i = 0; i < 6; i++)
        {
            var sink = new Sink();
            sinks.Add(sink);
            registrations.Add(_receiver.Register(Bound(), sink, channel: i));
        }

        using var sender = Bound();
        for (int round = 0; round < 20; round++)
        {
            for (int i = 0; i < sinks.Count; i++)
            {
                sender.SendTo([(byte)i, (byte)round], _sockets[i].LocalEndPoint!);
            }
        }

        await WaitUntil(() => sinks.TrueForAll(s => s.Datagrams.Count == 20));
        for (int i = 0; i < sinks.Count; i++)
        {
            var got = sinks[i].Datagrams.ToArray();
            Assert.All(got, d => Assert.Equal(i, d.Channel));
            Assert.All(got, d => Assert.Equal(i, d.Bytes[0]));
            Assert.Equal(Enumerable.Range(0, 20).Select(r => (byte)r), got.Select(d => d.Bytes[1]));   // in order per socket
            Assert.All(got, d => Assert.Equal(((IPEndPoint)sender.LocalEndPoint!).Port, d.From.Port));
        }

        Assert.Equal(6, _receiver.Registrations);
        registrations.ForEach(r => r.Dispose());
        Assert.Equal(0, _receiver.Registrations);
    }

    [Fact]
    public async Task A_disposed_registration_gets_nothing_more_and_its_slot_serves_the_next_socket()
    {
        var first = new Sink();
        var socket = Bound();
        var registration = _receiver.Register(socket, first, 0);
        using var sender = Bound();
        sender.SendTo([1], socket.LocalEndPoint!);
        await WaitUntil(() => first.Datagrams.Count == 1);
        registration.Dispose();
        registration.Dispose();   // idempotent

        var second = new Sink();
        var next = Bound();
        using var nextRegistration = _receiver.Register(next, second, 0);
        sender.SendTo([2], socket.LocalEndPoint!);
        sender.SendTo([3], next.LocalEndPoint!);
        await WaitUntil(() => second.Datagrams.Count == 1);
        await Task.Delay(50);
        Assert.Single(first.Datagrams);
        Assert.Equal(3, second.Datagrams.Single().Bytes[0]);
    }

    [Fact]
    public async Task Receiving_allocates_nothing_per_datagram()
    {
        // Measured on the receive thread across 1,000 datagrams: the read, the dispatch and the
        // loop around them; in this mode the sink only counts.
        Assert.Equal(0, await MeasureAllocationAsync(_receiver, Bound()));
    }

    /// <summary>What the receive thread allocates across 1,000 datagrams to <paramref name="socket"/> (after 100 to warm up).</summary>
    internal static async Task<long?> MeasureAllocationAsync(MediaReceiver receiver, Socket socket)
    {
        var sink = new Sink { MeasureFrom = 100, MeasureTo = 1100 };
        using var registration = receiver.Register(socket, sink, 0);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var payload = new byte[172];
        for (int i = 0; i < 1200; i++)
        {
            sender.SendTo(payload, socket.LocalEndPoint!);
            if (i % 50 == 49)
            {
                // Stay well inside the socket's receive buffer: a dropped datagram would never be counted.
                int sent = i + 1;
                await WaitUntil(() => sink.Counted >= sent);
            }
        }

        await WaitUntil(() => sink.Allocated is not null);
        return sink.Allocated;
    }

    [Fact]
    public async Task An_icmp_error_reaches_the_sink_as_an_error_and_receiving_goes_on()
    {
        var sink = new Sink();
        var socket = Bound();
        using var registration = _receiver.Register(socket, sink, 7);
        var gone = Bound();
        var goneAddress = gone.LocalEndPoint!;
        gone.Dispose();
        // Linux reports port-unreachable only to a connected UDP socket: the next read fails with it.
        socket.Connect(goneAddress);
        socket.Send([9]);
        await WaitUntil(() => !sink.Errors.IsEmpty);
        Assert.Equal(7, sink.Errors.Single().Channel);
        Assert.Contains(sink.Errors.Single().Error, new[] { SocketError.ConnectionRefused, SocketError.ConnectionReset });

        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(goneAddress);   // the connected peer comes back
        sender.SendTo([4], socket.LocalEndPoint!);
        await WaitUntil(() => sink.Datagrams.Count == 1);
    }

    [Fact]
    public void Registering_after_dispose_is_refused()
    {
        _receiver.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _receiver.Register(Bound(), new Sink(), 0));
    }

    public void Dispose()
    {
        _receiver.Dispose();
        _sockets.ForEach(s => s.Dispose());
    }

    private Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sockets.Add(socket);
        return socket;
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        // Only a guard against a hang: a loaded machine may take long, never this long.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the receiver");
            await Task.Delay(5);
        }
    }

    internal sealed class Sink : IDatagramSink
    {
        private int _count;
        private long _start;

        public ConcurrentQueue<(int Channel, byte[] Bytes, IPEndPoint From, long ReceivedAtNs)> Datagrams { get; } = new();

        public ConcurrentQueue<(int Channel, SocketError Error)> Errors { get; } = new();

        /// <summary>When set, only counts datagrams and measures the receive thread's allocation between these two.</summary>
        public int MeasureFrom { get; init; } = -1;

        public int MeasureTo { get; init; } = -1;

        public long? Allocated { get; private set; }

        /// <summary>Datagrams counted in measuring mode.</summary>
        public int Counted => Volatile.Read(ref _count);

        public void OnDatagram(int channel, ReadOnlySpan<byte> datagram, SocketAddress from, long receivedAtNs)
        {
            if (MeasureFrom >= 0)
            {
                int n = _count + 1;
                Volatile.Write(ref _count, n);
                if (n == MeasureFrom)
                {
                    _start = GC.GetAllocatedBytesForCurrentThread();
                }
                else if (n == MeasureTo)
                {
                    Allocated = GC.GetAllocatedBytesForCurrentThread() - _start;
                }

                return;
            }

            var endPoint = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from);
            Datagrams.Enqueue((channel, datagram.ToArray(), endPoint, receivedAtNs));
        }

        public void OnReceiveError(int channel, SocketException error) => Errors.Enqueue((channel, error.SocketErrorCode));
    }
}
