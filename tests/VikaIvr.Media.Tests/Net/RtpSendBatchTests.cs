using System.Net;
using System.Net.Sockets;
using VikaIvr.Media.Net;

namespace VikaIvr.Media.Tests.Net;

public sealed class RtpSendBatchTests
{
    [Fact]
    public void The_slab_is_made_on_the_first_datagram_not_before()
    {
        using var batch = new RtpSendBatch();
        Assert.False(batch.IsAllocated);
        Assert.Equal(0, batch.Flush());
        Assert.False(batch.IsAllocated);

        using var sender = Loopback();
        using var receiver = Loopback();
        Assert.True(batch.Add((int)sender.Handle, [1, 2, 3], receiver.LocalEndPoint!.Serialize()));
        Assert.True(batch.IsAllocated);
    }

    [Fact]
    public void A_refused_datagram_is_counted_and_skipped_and_the_rest_still_leave()
    {
        using var sender = Loopback();
        using var receiver = Loopback();
        receiver.ReceiveTimeout = 10_000;
        using var batch = new RtpSendBatch();
        var to = receiver.LocalEndPoint!.Serialize();
        // An IPv6 destination on an IPv4 socket: the kernel refuses that one datagram, the others leave.
        var elsewhere = new IPEndPoint(IPAddress.IPv6Loopback, 9).Serialize();
        int fd = (int)sender.Handle;
        Assert.True(batch.Add(fd, [1], to));
        Assert.True(batch.Add(fd, [2], elsewhere));
        Assert.True(batch.Add(fd, [3], to));

        Assert.Equal(2, batch.Flush());
        Assert.Equal(2, batch.Sent);
        Assert.Equal(1, batch.Failed);
        Assert.Equal(0, batch.Count);

        var buffer = new byte[16];
        Assert.Equal(1, receiver.Receive(buffer));
        Assert.Equal(1, buffer[0]);
        Assert.Equal(1, receiver.Receive(buffer));
        Assert.Equal(3, buffer[0]);
    }

    [Fact]
    public void The_datagrams_of_one_socket_leave_in_one_system_call()
    {
        using var sender = Loopback();
        using var receiver = Loopback();
        using var batch = new RtpSendBatch();
        var to = receiver.LocalEndPoint!.Serialize();
        for (byte i = 0; i < 5; i++)
        {
            Assert.True(batch.Add((int)sender.Handle, [i], to));
        }

        Assert.Equal(5, batch.Flush());
        Assert.Equal(1, batch.Calls);
        Assert.Equal(0, batch.Failed);
    }

    private static Socket Loopback()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
