using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Ports;
using VikaIvr.Speech.Engines;
using VikaIvr.Speech.Text;

namespace VikaIvr.Speech.Tests.Engines;

public class EspeakSpeechServiceTests
{
    [Fact]
    public async Task Says_a_bill_sentence_with_espeak_and_serves_it_from_disk_after_restart()
    {
        using var dir = new TempDirectory();
        var options = new SpeechServiceOptions { CacheDirectory = dir.Path };
        var engine = new EspeakEngine(new EspeakOptions(), NullLogger<EspeakEngine>.Instance);
        var service = new SpeechService(engine, new IndonesianNormalizer(), options, NullLogger<SpeechService>.Instance);

        var clip = await service.SayAsync("Tagihan iuran Anda sebesar 700000 rupiah.", CancellationToken.None);
        Assert.Equal("Tagihan iuran Anda sebesar tujuh ratus ribu rupiah.", clip.Text);
        Assert.Equal(AudioClipKind.Speech, clip.Kind);
        Assert.InRange(clip.Duration.TotalSeconds, 2, 7);

        var restarted = new SpeechService(engine, new IndonesianNormalizer(), options, NullLogger<SpeechService>.Instance);
        var again = await restarted.SayAsync("Tagihan iuran Anda sebesar Rp 700.000.", CancellationToken.None);
        Assert.Equal(0, restarted.EngineCalls);
        Assert.Equal(clip.Samples.Length, again.Samples.Length);
    }
}
