using System.Net;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Media.Net;

namespace VikaIvr.Media.Tests.Net;

public sealed class LocalAddressCacheTests
{
    private static readonly IPAddress Remote = IPAddress.Parse("192.0.2.10");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_loopback_caller_is_answered_on_its_own_address()
    {
        var cache = new LocalAddressCache(_time);
        Assert.Same(IPAddress.Loopback, cache.Find(IPAddress.Loopback));
        var other = IPAddress.Parse("127.0.0.5");
        Assert.Same(other, cache.Find(other));
    }

    [Fact]
    public void The_kernel_is_asked_once_per_caller_address_until_the_answer_is_old()
    {
        var cache = new LocalAddressCache(_time);
        var first = cache.Find(Remote);
        Assert.Equal(LocalAddressFinder.Find(Remote), first);

        // Remembered: no socket (nothing allocated) and the same answer.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var again = cache.Find(Remote);
        long remembered = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(first, again);
        Assert.Equal(0, remembered);

        // Old: asked again (a socket is opened, which allocates), same address as the kernel says.
        _time.Advance(LocalAddressCache.MaxAge);
        before = GC.GetAllocatedBytesForCurrentThread();
        var refreshed = cache.Find(Remote);
        long asked = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(asked > 0, "an entry past its age is asked again");
        Assert.Equal(first, refreshed);
    }
}
