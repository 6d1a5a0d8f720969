using System.Net;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Admission;

namespace VikaIvr.Sip.Tests.Admission;

public sealed class SipSourceLimiterTests
{
    private static readonly IPAddress Flooder = IPAddress.Parse("192.0.2.66");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));

    [Fact]
    public void A_source_over_its_rate_is_banned_for_the_ban_time_then_counted_afresh()
    {
        var limiter = new SipSourceLimiter(3, TimeSpan.FromSeconds(10), 64, _time);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.Count(Flooder));
        }

        Assert.Equal(TimeSpan.FromSeconds(10), limiter.Count(Flooder));
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), limiter.Count(Flooder));
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.Zero, limiter.Count(Flooder));
        Assert.Equal(TimeSpan.Zero, limiter.BanLeft(Flooder));
    }

    [Fact]
    public void The_rate_is_per_second_and_per_source()
    {
        var limiter = new SipSourceLimiter(2, TimeSpan.FromSeconds(10), 64, _time);
        var other = IPAddress.Parse("192.0.2.7");

        limiter.Count(Flooder);
        limiter.Count(Flooder);
        Assert.Equal(TimeSpan.Zero, limiter.Count(other));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, limiter.Count(Flooder));
        Assert.Equal(TimeSpan.Zero, limiter.Count(Flooder));
        Assert.NotEqual(TimeSpan.Zero, limiter.Count(Flooder));
        Assert.Equal(TimeSpan.Zero, limiter.Count(other));
    }

    [Fact]
    public void A_penalty_counts_as_many_requests()
    {
        var limiter = new SipSourceLimiter(30, TimeSpan.FromSeconds(5), 64, _time);

        limiter.Count(Flooder, 25);
        Assert.Equal(TimeSpan.FromSeconds(5), limiter.Count(Flooder, 10));
    }

    [Fact]
    public void Zero_is_no_limit()
    {
        var limiter = new SipSourceLimiter(0, TimeSpan.FromSeconds(5), 64, _time);

        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.Count(Flooder));
        }
    }

    [Fact]
    public void A_scanner_rotating_addresses_never_grows_the_table_and_a_live_ban_outlasts_it()
    {
        var limiter = new SipSourceLimiter(1, TimeSpan.FromSeconds(60), 256, _time);
        limiter.Count(Flooder);
        Assert.NotEqual(TimeSpan.Zero, limiter.Count(Flooder));
        long before = GC.GetAllocatedBytesForCurrentThread();

        var addresses = Enumerable.Range(0, 20_000).Select(i => new IPAddress(BitConverter.GetBytes(0x0A000000 + i))).ToArray();
        long afterAddresses = GC.GetAllocatedBytesForCurrentThread();
        foreach (var address in addresses)
        {
            limiter.Count(address);
        }

        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(256, limiter.Capacity);
        Assert.True(after - afterAddresses < 1024, $"counting allocated {after - afterAddresses} bytes ({afterAddresses - before} for the addresses)");
        Assert.NotEqual(TimeSpan.Zero, limiter.BanLeft(Flooder));
    }
}
