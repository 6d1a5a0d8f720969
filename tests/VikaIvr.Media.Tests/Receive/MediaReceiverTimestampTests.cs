using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using static VikaIvr.Media.Tests.Receive.MediaReceiverTests;

namespace VikaIvr.Media.Tests.Receive;

/// <summary>The receiver with kernel receive timestamps (recvmsg + SO_TIMESTAMPNS) on.</summary>
[Collection(AllocationCollection.Name)]
public sealed class MediaReceiverTimestampTests : IDisposable
{
    private readonly MediaReceiver _receiver = new(new MediaReceiverOptions
    {
        Threads = 1,
        Priority = PacerThreadPriority.Normal,
        IdleWake = TimeSpan.FromMilliseconds(20),
        KernelTimestamps = true,
    }, NullLogger<MediaReceiver>.Instance);

    private readonly List<Socket> _sockets = [];

    public MediaReceiverTimestampTests() => _receiver.Start();

    [Fact]
    public async Task Each_datagram_comes_with_the_sender_and_a_kernel_receive_time_in_order()
    {
        var sink = new Sink();
        var socket = Bound();
        using var registration = _receiver.Register(socket, sink, 3);
        using var sender = Bound();
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L;
        for (int i = 0; i < 10; i++)
        {
            sender.SendTo([(byte)i, 7], socket.LocalEndPoint!);
        }

        await WaitUntil(() => sink.Datagrams.Count == 10);
        long after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L;
        var got = sink.Datagrams.ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (byte)i), got.Select(d => d.Bytes[0]));
        Assert.All(got, d => Assert.Equal(2, d.Bytes.Length));
        Assert.All(got, d => Assert.Equal(3, d.Channel));
        Assert.All(got, d => Assert.Equal(((IPEndPoint)sender.LocalEndPoint!).Port, d.From.Port));
        Assert.All(got, d => Assert.Equal(IPAddress.Loopback, d.From.Address));
        // CLOCK_REALTIME stamps of this run (a millisecond of slack for the clocks' resolutions).
        Assert.All(got, d => Assert.InRange(d.ReceivedAtNs, before - 1_000_000, after + 1_000_000));
        for (int i = 1; i < got.Length; i++)
        {
            Assert.True(got[i].ReceivedAtNs >= got[i - 1].ReceivedAtNs);
        }
    }

    [Fact]
    public async Task Receiving_with_timestamps_allocates_nothing_per_datagram()
    {
        Assert.Equal(0, await MeasureAllocationAsync(_receiver, Bound()));
    }

    [Fact]
    public async Task An_icmp_error_is_the_same_socket_error_as_without_timestamps()
    {
        var sink = new Sink();
        var socket = Bound();
        using var registration = _receiver.Register(socket, sink, 1);
        var gone = Bound();
        var goneAddress = gone.LocalEndPoint!;
        gone.Dispose();
        socket.Connect(goneAddress);
        socket.Send([9]);
        await WaitUntil(() => !sink.Errors.IsEmpty);
        Assert.Contains(sink.Errors.Single().Error, new[] { SocketError.ConnectionRefused, SocketError.ConnectionReset });
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
}
