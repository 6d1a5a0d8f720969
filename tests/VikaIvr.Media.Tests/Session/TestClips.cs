using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Session;

/// <summary>Recognisable PCMU clips for the session tests, and a frame of one as the receiver decodes it.</summary>
internal static class TestClips
{
    public static EncodedAudio Clip(int frames, int seed)
    {
        var pcm = new short[frames * 160];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(Math.Sin((i + seed) * 0.07) * 8000);
        }

        return EncodedAudio.Encode(pcm, RtpAudioCodec.Pcmu, "clip" + seed);
    }

    public static short[] Decoded(EncodedAudio clip, int frame)
    {
        var pcm = new short[160];
        G711.DecodeMuLaw(clip.Data.Span.Slice(frame * 160, 160), pcm);
        return pcm;
    }
}
