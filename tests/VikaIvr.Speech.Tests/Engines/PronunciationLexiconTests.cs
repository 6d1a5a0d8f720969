using VikaIvr.Speech.Engines;

namespace VikaIvr.Speech.Tests.Engines;

public class PronunciationLexiconTests
{
    private readonly PronunciationLexicon _lexicon = new(PronunciationLexicon.EspeakIndonesianDefaults);

    [Theory]
    [InlineData("segmen Penerima Bantuan Iuran APBN.", "segmen Penerima Bantuan Iuran a pe be en.")]
    [InlineData("BPJS Kesehatan Care Center seratus", "BPJS Kesehatan ker senter seratus")]
    [InlineData("peserta PBI, TNI, dan POLRI", "peserta pe be i, te en i, dan POLRI")]
    [InlineData("PBIX dan aPBI tetap", "PBIX dan aPBI tetap")]
    [InlineData("pbi kecil tetap", "pbi kecil tetap")]
    public void Respells_whole_words_only(string input, string expected) => Assert.Equal(expected, _lexicon.Apply(input));
}
