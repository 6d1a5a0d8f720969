using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Testing.Load;

namespace VikaIvr.Testing.Tests.Load;

public sealed class PromptFingerprintsTests
{
    private static readonly byte[] MuLawSilence = Enumerable.Repeat((byte)0xFF, 160).ToArray();

    [Theory]
    [InlineData(RtpAudioCodec.Pcmu)]
    [InlineData(RtpAudioCodec.Pcma)]
    public void A_prompt_is_recognised_by_its_first_audible_frame_as_the_server_sends_it(RtpAudioCodec codec)
    {
        var a = TestPrompts.Noise("welcome", silentSamples: 4000, seed: 1);
        var b = TestPrompts.Noise("main-menu", silentSamples: 1600, seed: 2);
        var index = new PromptFingerprints([a, b, TestPrompts.Silence("pause")], codec);
        var sentA = EncodedAudio.Encode(a.Samples.Span, codec).Data.ToArray();
        var sentB = EncodedAudio.Encode(b.Samples.Span, codec).Data.ToArray();

        Assert.Equal(2, index.Count);   // a silent prompt has no fingerprint
        Assert.Equal("welcome", index.IdOf(index.Match(sentA.AsSpan(25 * 160, 160))));
        Assert.Equal("main-menu", index.IdOf(index.Match(sentB.AsSpan(10 * 160, 160))));
        Assert.Equal(-1, index.Match(sentA.AsSpan(24 * 160, 160)));   // its silence
        Assert.Equal(-1, index.Match(sentA.AsSpan(26 * 160, 160)));   // later frames are not its start
        Assert.Equal(-1, index.IndexOf("pause"));
    }

    [Fact]
    public void A_payload_that_differs_in_one_byte_or_is_short_is_no_match()
    {
        var a = TestPrompts.Noise("welcome", silentSamples: 0, seed: 3);
        var index = new PromptFingerprints([a], RtpAudioCodec.Pcmu);
        var frame = EncodedAudio.Encode(a.Samples.Span, RtpAudioCodec.Pcmu).Data[..160].ToArray();
        Assert.Equal(0, index.Match(frame));

        frame[77] ^= 0x01;

        Assert.Equal(-1, index.Match(frame));
        Assert.Equal(-1, index.Match(frame.AsSpan(0, 8)));
        Assert.Equal(-1, index.Match(MuLawSilence));
    }
}
