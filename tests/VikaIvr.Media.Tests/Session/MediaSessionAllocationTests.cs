using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Session;

[Collection(AllocationCollection.Name)]
public class MediaSessionAllocationTests
{
    // An RTCP report every 5 s (250 frames): every measured round holds one per session.
    private const int FramesPerRound = 250;

    [Fact]
    public async Task Per_tick_sending_allocates_nothing()
    {
        await using var pair = new LoopbackPair(new MediaSessionOptions { ComfortSilence = true }, new MediaSessionOptions { ComfortSilence = true });
        pair.StartBoth();
        var clip = EncodedAudio.Encode(new short[160 * 1400], VikaIvr.Media.Rtp.RtpAudioCodec.Pcmu);
        var playing = pair.A.Play(clip);

        // Warm up past the first RTCP report (JIT, first sends on each socket); the clock is
        // stepped on this thread, so the measured thread is the one that sends.
        pair.Frames(FramesPerRound + 10);
        AllocationMeter.AssertNone(() => pair.Frames(FramesPerRound));

        Assert.False(playing.IsCompleted);   // audio, not only comfort silence, was measured
        Assert.Equal(5, pair.A.GetStatistics().RtcpReportsSent);
        Assert.Equal(5, pair.B.GetStatistics().RtcpReportsSent);
    }

    [Fact]
    public async Task Per_tick_sending_on_srtp_allocates_nothing()
    {
        await using var pair = new LoopbackPair(new MediaSessionOptions { ComfortSilence = true }, new MediaSessionOptions { ComfortSilence = true });
        pair.StartBothSecure(VikaIvr.Media.Srtp.SrtpCryptoSuite.AesCm128HmacSha1_80, VikaIvr.Media.Srtp.SrtpMasterKey.Generate(), VikaIvr.Media.Srtp.SrtpMasterKey.Generate());
        var clip = EncodedAudio.Encode(new short[160 * 1400], VikaIvr.Media.Rtp.RtpAudioCodec.Pcmu);
        var playing = pair.A.Play(clip);

        pair.Frames(FramesPerRound + 10);
        AllocationMeter.AssertNone(() => pair.Frames(FramesPerRound));

        Assert.False(playing.IsCompleted);
        Assert.Equal(5, pair.A.GetStatistics().RtcpReportsSent);
        Assert.True(pair.A.IsSecure);
    }
}
