using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Session;

public class MediaSessionAllocationTests
{
    [Fact]
    public async Task Per_tick_sending_allocates_nothing()
    {
        await using var pair = new LoopbackPair(new MediaSessionOptions { ComfortSilence = true }, new MediaSessionOptions { ComfortSilence = true });
        pair.StartBoth();
        var clip = EncodedAudio.Encode(new short[160 * 400], VikaIvr.Media.Rtp.RtpAudioCodec.Pcmu);
        _ = pair.A.Play(clip);
        pair.Frames(10);   // warm up (JIT, first sends)
        long before = GC.GetAllocatedBytesForCurrentThread();
        pair.Frames(200);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
