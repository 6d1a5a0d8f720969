using VikaIvr.Media.Rtcp;

namespace VikaIvr.Media.Tests.Rtcp;

public class RtpReceiveStatisticsTests
{
    [Fact]
    public void Counts_loss_across_sequence_wrap()
    {
        var stats = new RtpReceiveStatistics();
        ushort seq = 65530;
        for (int i = 0; i < 20; i++, seq++)
        {
            if (i is 3 or 8)
            {
                continue;
            }

            stats.Record(1, seq, (uint)(i * 160), 160, i * 160);
        }

        Assert.Equal(18, stats.PacketsReceived);
        Assert.Equal(20, stats.Expected);
        Assert.Equal(2, stats.Lost);
        Assert.Equal(65536u + 13, stats.ExtendedHighestSequence);
        Assert.True(stats.TakeFractionLost() > 0);
        Assert.Equal(0, stats.TakeFractionLost());
    }

    [Fact]
    public void Jitter_is_zero_for_perfect_timing_and_grows_with_variation()
    {
        var perfect = new RtpReceiveStatistics();
        var jittery = new RtpReceiveStatistics();
        for (int i = 0; i < 100; i++)
        {
            perfect.Record(1, (ushort)i, (uint)(i * 160), 160, 5000 + (i * 160));
            jittery.Record(1, (ushort)i, (uint)(i * 160), 160, 5000 + (i * 160) + (i % 2 == 0 ? 0 : 40));
        }

        Assert.Equal(0, perfect.Jitter);
        // Alternating 40-unit transit changes converge towards 40 (RFC 3550 A.8 estimator).
        Assert.InRange(jittery.Jitter, 35, 40);
        Assert.InRange(jittery.JitterMilliseconds, 4.3, 5.0);
    }
}
