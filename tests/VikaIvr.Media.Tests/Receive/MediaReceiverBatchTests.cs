using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;

namespace VikaIvr.Media.Tests.Receive;

/// <summary>
/// A batching receiver sleeps out its interval after a read pass, so what arrives meanwhile on many
/// sockets is read in one pass (one wake-up) instead of one pass per datagram.
/// </summary>
public sealed class MediaReceiverBatchTests : IDisposable
{
    // Long enough that the sends below surely fall inside one interval on a loaded machine.
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly MediaReceiver _receiver = new(
        new MediaReceiverOptions { Threads = 1, Priority = PacerThreadPriority.Normal, BatchInterval = Interval, KernelTimestamps = true },
        NullLogger<MediaReceiver>.Instance);

    private readonly List<Socket> _sockets = [];

    public MediaReceiverBatchTests() => _receiver.Start();

    [Fact]
    public async Task Datagrams_to_many_sockets_within_one_interval_are_read_in_one_pass_with_their_arrival_times()
    {
        var sinks = new List<MediaReceiverTests.Sink>();
        for (int i = 0; i < 20; i++)
        {
            var sink = new MediaReceiverTests.Sink();
            sinks.Add(sink);
            _receiver.Register(Bound(), sink, channel: i);
        }

        using var sender = Bound();
        sender.SendTo([0xFF], _sockets[0].LocalEndPoint!);
        await MediaReceiverTests.WaitUntil(() => sinks[0].Datagrams.Count == 1);
        long passesAfterFirst = _receiver.ReadPasses;

        // The thread now sleeps out its interval: these all wait and are read together.
        for (int i = 0; i < sinks.Count; i++)
        {
            sender.SendTo([(byte)i], _sockets[i].LocalEndPoint!);
        }

        await MediaReceiverTests.WaitUntil(() => sinks.TrueForAll(s => s.Datagrams.Count == (s == sinks[0] ? 2 : 1)));

        Assert.Equal(1, passesAfterFirst);
        Assert.InRange(_receiver.ReadPasses - passesAfterFirst, 1, 2);
        Assert.All(sinks, s => Assert.All(s.Datagrams, d => Assert.NotEqual(0, d.ReceivedAtNs)));
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
