using VikaIvr.Testing.Load;

namespace VikaIvr.Testing.Tests.Load;

public sealed class StreamTimingTests
{
    private const long Ms = 1_000_000;
    private const long T0 = 1_765_000_000L * 1_000_000_000L;

    [Fact]
    public void Deviation_is_the_interval_from_the_receive_times_minus_the_packet_time_of_the_rtp_timestamps()
    {
        var t = new StreamTiming();
        t.Record(7, 100, 1000, T0);
        t.Record(7, 101, 1160, T0 + (20 * Ms));          // on time
        t.Record(7, 102, 1320, T0 + (41 * Ms));          // 1 ms late
        t.Record(7, 103, 1480, T0 + (60 * Ms));          // 1 ms early after the late one
        t.Record(7, 104, 1480 + 320, T0 + (100 * Ms));   // a 40 ms packet on time

        Assert.Equal(5, t.Packets);
        Assert.Equal(4, t.Deviation.Count);
        Assert.Equal(1.0, t.Deviation.MaxMs, 6);
        Assert.Equal(0, t.Gaps);
    }

    [Fact]
    public void A_jump_in_sequence_is_one_gap_with_its_missing_packets_and_no_interval()
    {
        var t = new StreamTiming();
        t.Record(7, 65534, 0, T0);
        t.Record(7, 65535, 160, T0 + (20 * Ms));
        t.Record(7, 2, 640, T0 + (80 * Ms));   // wraps: 0 and 1 missing
        t.Record(7, 3, 800, T0 + (100 * Ms));

        Assert.Equal(1, t.Gaps);
        Assert.Equal(2, t.Lost);
        Assert.Equal(2, t.Deviation.Count);
        Assert.Equal(0, t.Deviation.MaxMs);
    }

    [Fact]
    public void A_late_or_repeated_packet_is_counted_apart_and_a_new_ssrc_starts_afresh()
    {
        var t = new StreamTiming();
        t.Record(7, 10, 0, T0);
        t.Record(7, 11, 160, T0 + (20 * Ms));
        t.Record(7, 11, 160, T0 + (21 * Ms));   // repeated
        t.Record(7, 9, 0, T0 + (22 * Ms));      // late
        t.Record(8, 500, 99, T0 + (500 * Ms));  // another source: no 480 ms interval
        t.Record(8, 501, 259, T0 + (520 * Ms));

        Assert.Equal(2, t.Reordered);
        Assert.Equal(0, t.Gaps);
        Assert.Equal(2, t.Deviation.Count);
        Assert.Equal(0, t.Deviation.MaxMs);
    }
}
