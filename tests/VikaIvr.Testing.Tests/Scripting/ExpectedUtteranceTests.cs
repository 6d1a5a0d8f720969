using VikaIvr.Flows.Ports;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Testing.Scripting;

namespace VikaIvr.Testing.Tests.Scripting;

/// <summary>
/// A sentence the server will say, found in what the caller heard: identified by its first 0.5 s,
/// and told apart when only its beginning came (the server stopped saying it).
/// </summary>
public sealed class ExpectedUtteranceTests
{
    private static readonly AudioClip Budi = Speech("peserta atas nama budi santoso", 330, 8000 * 3);
    private static readonly AudioClip Siti = Speech("peserta atas nama siti rahmawati", 390, 8000 * 3);

    [Fact]
    public void A_whole_sentence_is_identified_and_is_no_cut_beginning()
    {
        var expected = new ExpectedUtterance(Budi, RtpAudioCodec.Pcmu);
        var heard = Audible(Budi);

        Assert.True(expected.StartsAt(heard, 0, 4000));
        Assert.False(expected.IsCutBeginning(heard));
    }

    [Fact]
    public void The_first_quarter_second_of_a_sentence_is_a_cut_beginning_not_the_sentence()
    {
        var expected = new ExpectedUtterance(Budi, RtpAudioCodec.Pcmu);
        var heard = Audible(Budi).AsSpan(0, 2000);

        Assert.False(expected.StartsAt(heard, 0, 4000));
        Assert.True(expected.IsCutBeginning(heard));
    }

    [Fact]
    public void Another_sentence_cut_short_is_no_cut_beginning_of_this_one()
    {
        var expected = new ExpectedUtterance(Budi, RtpAudioCodec.Pcmu);

        Assert.False(expected.IsCutBeginning(Audible(Siti).AsSpan(0, 2000)));
        Assert.False(expected.StartsAt(Audible(Siti), 0, 4000));
    }

    /// <summary>A tone standing for synthesized speech, with the leading and trailing silence espeak-ng leaves.</summary>
    private static AudioClip Speech(string words, double hz, int samples)
    {
        var pcm = new short[samples + 1600];
        for (int i = 800; i < 800 + samples; i++) pcm[i] = (short)(6000 * Math.Sin(2 * Math.PI * hz * i / 8000));
        return new AudioClip("speech-" + hz, AudioClipKind.Speech, pcm, words);
    }

    /// <summary>What the caller decodes of the clip from its first audible sample on.</summary>
    private static short[] Audible(AudioClip clip)
    {
        var encoded = new byte[clip.Samples.Length];
        var decoded = new short[encoded.Length];
        G711.EncodeMuLaw(clip.Samples.Span, encoded);
        G711.DecodeMuLaw(encoded, decoded);
        return decoded[PromptAudioIndex.FirstAudible(decoded, 0)..];
    }
}
