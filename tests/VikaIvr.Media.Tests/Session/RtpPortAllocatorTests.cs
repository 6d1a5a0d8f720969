using System.Net;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Session;

public class RtpPortAllocatorTests
{
    [Fact]
    public void Allocates_even_ports_in_range_and_releases_them()
    {
        var allocator = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = 41001, MaxPort = 41010 });
        Assert.Equal(4, allocator.Capacity);   // 41002, 41004, 41006, 41008 (+1 each for RTCP)
        var leases = new List<RtpPortLease>();
        for (int i = 0; i < 4; i++)
        {
            var lease = allocator.Allocate(IPAddress.Loopback);
            Assert.Equal(0, lease.Port % 2);
            Assert.InRange(lease.Port, 41002, 41008);
            Assert.Equal(lease.Port + 1, ((IPEndPoint)lease.Rtcp.LocalEndPoint!).Port);
            leases.Add(lease);
        }

        Assert.Equal(4, allocator.InUse);
        Assert.Throws<InvalidOperationException>(() => allocator.Allocate(IPAddress.Loopback));
        leases[1].Dispose();
        leases[1].Dispose();   // idempotent
        Assert.Equal(3, allocator.InUse);
        using var again = allocator.Allocate(IPAddress.Loopback);
        Assert.Equal(leases[1].Port, again.Port);
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public void Binds_ipv6_loopback()
    {
        var allocator = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = 41100, MaxPort = 41200 });
        try
        {
            using var lease = allocator.Allocate(IPAddress.IPv6Loopback);
            Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, lease.LocalEndPoint.AddressFamily);
            Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, lease.Port), lease.LocalEndPoint);
            Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, lease.Port + 1), lease.Rtcp.LocalEndPoint);

            // The allocator's reused bind address follows the address asked for.
            using var v4 = allocator.Allocate(IPAddress.Loopback);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, v4.Port), v4.LocalEndPoint);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, v4.Port + 1), v4.Rtcp.LocalEndPoint);
        }
        catch (InvalidOperationException) when (!System.Net.Sockets.Socket.OSSupportsIPv6)
        {
            // No IPv6 on this host: nothing to bind.
        }
    }
}
