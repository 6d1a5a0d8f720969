using VikaIvr.Flows.Ports;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Telephony.Tests.Media;

public class EncodedClipCacheTests
{
    private static AudioClip Clip(string id, short value, int samples = 160) => new(id, AudioClipKind.Prompt, Enumerable.Repeat(value, samples).ToArray());

    [Fact]
    public void Each_clip_is_encoded_once_per_codec_and_shared()
    {
        var cache = new EncodedClipCache();
        var clip = Clip("welcome", 1000);

        var pcmu = cache.Get(clip, RtpAudioCodec.Pcmu);
        var pcma = cache.Get(clip, RtpAudioCodec.Pcma);

        Assert.Same(pcmu, cache.Get(clip, RtpAudioCodec.Pcmu));
        Assert.Same(pcma, cache.Get(clip, RtpAudioCodec.Pcma));
        Assert.Equal(G711.EncodeMuLaw(1000), pcmu.Data.Span[0]);
        Assert.Equal(G711.EncodeALaw(1000), pcma.Data.Span[0]);
    }

    [Fact]
    public void Warming_encodes_every_clip_for_every_codec_before_the_first_call()
    {
        var cache = new EncodedClipCache();
        var clips = new[] { Clip("a", 100, 8000), Clip("b", -100, 8000) };

        int made = cache.Warm(clips, [RtpAudioCodec.Pcmu, RtpAudioCodec.Pcma, RtpAudioCodec.Pcmu]);

        Assert.Equal(4, made);
        // A warmed clip is only looked up: no 8,000-byte encoding is made on the first call's thread.
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var clip in clips)
        {
            cache.Get(clip, RtpAudioCodec.Pcmu);
            cache.Get(clip, RtpAudioCodec.Pcma);
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1000);
        Assert.Equal(G711.EncodeALaw(-100), cache.Get(clips[1], RtpAudioCodec.Pcma).Data.Span[0]);
    }
}
