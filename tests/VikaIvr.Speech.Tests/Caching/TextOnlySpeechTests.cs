using VikaIvr.Flows.Ports;
using VikaIvr.Speech.Text;

namespace VikaIvr.Speech.Tests.Caching;

public class TextOnlySpeechTests
{
    [Fact]
    public async Task Returns_normalised_words_and_silence_of_plausible_length()
    {
        var speech = new TextOnlySpeech(new IndonesianNormalizer());
        var clip = await speech.SayAsync("Tagihan iuran Anda sebesar 700000 rupiah.", CancellationToken.None);
        Assert.Equal(AudioClipKind.Speech, clip.Kind);
        Assert.Equal("Tagihan iuran Anda sebesar tujuh ratus ribu rupiah.", clip.Text);
        Assert.InRange(clip.Duration.TotalSeconds, 2, 6);
        foreach (var s in clip.Samples.Span) Assert.Equal(0, s);
    }

    [Fact]
    public void Longer_text_takes_longer()
        => Assert.True(TextOnlySpeech.EstimateDuration(new string('a', 100)) > TextOnlySpeech.EstimateDuration("a"));
}
