using VikaIvr.Speech;

namespace VikaIvr.Speech.Tests;

public class SentenceSplitTests
{
    [Fact]
    public void Splits_at_sentence_ends_followed_by_a_space()
    {
        var parts = SpeechService.SplitSentences("tidak aktif karena data NIK belum sesuai. Silakan lakukan registrasi ulang.");
        Assert.Equal(["tidak aktif karena data NIK belum sesuai.", "Silakan lakukan registrasi ulang."], parts);
    }

    [Fact]
    public void A_single_sentence_and_a_decimal_point_stay_whole()
    {
        Assert.Single(SpeechService.SplitSentences("Tidak ada tunggakan."));
        Assert.Single(SpeechService.SplitSentences("pukul 08.00 sampai 15.00"));
    }
}
