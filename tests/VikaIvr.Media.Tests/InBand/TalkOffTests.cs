using System.Diagnostics;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Dtmf.InBand;
using VikaIvr.Media.Tests.Codecs;

namespace VikaIvr.Media.Tests.InBand;

public sealed class TalkOffTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Vowel_like_speech_with_varying_pitch_gives_no_digits(int seed)
    {
        var speech = DtmfSignals.SyntheticSpeech(seconds: 20, seed);
        Assert.Equal(string.Empty, InBandDtmf.DetectDigits(speech));
    }

    [Fact]
    public void Digits_are_still_found_between_speech()
    {
        var speech = DtmfSignals.SyntheticSpeech(seconds: 2, seed: 9);
        var tone = DtmfToneGenerator.Generate('8', TimeSpan.FromMilliseconds(80));
        var samples = new short[(speech.Length * 2) + tone.Length + 800];
        speech.CopyTo(samples, 0);
        tone.CopyTo(samples, speech.Length + 400);
        speech.CopyTo(samples, speech.Length + tone.Length + 800);

        Assert.Equal("8", InBandDtmf.DetectDigits(samples));
    }

    [Fact]
    public void Real_synthesized_speech_through_g711_gives_no_digits()
    {
        using var temp = new TempDirectory();
        var path = temp.File("speech.wav");
        const string Text =
            "Selamat datang di layanan informasi BPJS Kesehatan. Untuk informasi kepesertaan, tekan satu. " +
            "Untuk informasi tagihan, tekan dua. Nomor kartu Anda adalah nol nol nol satu dua tiga empat lima enam tujuh delapan sembilan. " +
            "Tagihan Anda sebesar seratus lima puluh ribu rupiah. Terima kasih telah menghubungi kami, sampai jumpa.";
        RunEspeak("-v", "id", "-w", path, Text);

        var pcm = TelephonyAudio.ReadWav(path, new LoudnessOptions { TargetDbfs = -14 });
        Assert.True(pcm.Length > 8000 * 5, "espeak-ng produced too little audio");

        // The detector hears what a trunk delivers: µ-law decoded speech.
        var coded = new byte[pcm.Length];
        G711.EncodeMuLaw(pcm, coded);
        G711.DecodeMuLaw(coded, pcm);

        Assert.Equal(string.Empty, InBandDtmf.DetectDigits(pcm));
    }

    private static void RunEspeak(params string[] arguments)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start (apt-get install -y espeak-ng)");
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "espeak-ng did not finish");
        Assert.True(process.ExitCode == 0, $"espeak-ng failed: {error}");
    }
}
