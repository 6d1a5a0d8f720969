using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Audio;
using VikaIvr.Speech.Engines;

namespace VikaIvr.Speech.Tests.Engines;

/// <summary>Runs the real espeak-ng: these fail (not skip) when it is not installed.</summary>
public class EspeakEngineTests
{
    private static EspeakEngine Create(EspeakOptions? options = null) =>
        new(options ?? new EspeakOptions(), NullLogger<EspeakEngine>.Instance);

    [Fact]
    public async Task Synthesizes_indonesian_at_8_khz_with_plausible_duration()
    {
        const string text = "Selamat datang di layanan BPJS Kesehatan Care Center seratus enam puluh lima.";
        var samples = await Create().SynthesizeAsync(text, CancellationToken.None);
        var levels = AudioLevels.Measure(samples, 8000);

        // About 11 words at 150 words per minute: a little over 4 s. Resampling to 8 kHz must
        // keep the duration; a 22.05 kHz stream played as 8 kHz would be ~2.75 times longer.
        Assert.InRange(levels.Duration.TotalSeconds, 2.5, 8);
        Assert.InRange(levels.ActiveLevelDbfs, -22, -18);
        Assert.False(levels.IsSilent);
        Assert.True(levels.PeakDbfs <= -0.5, $"peak {levels.PeakDbfs} dBFS");
    }

    [Fact]
    public async Task Output_has_no_energy_above_the_telephone_band_folded_in()
    {
        // A properly resampled (low-passed) signal has most energy at speech frequencies:
        // compare the energy of sample differences (a high-pass) with the total.
        var samples = await Create().SynthesizeAsync("tujuh ratus ribu rupiah", CancellationToken.None);
        double total = 0, diff = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            total += (double)samples[i] * samples[i];
            var d = samples[i] - samples[i - 1];
            diff += (double)d * d;
        }

        Assert.True(total > 0);
        Assert.True(diff / total < 2.0, $"high-frequency ratio {diff / total:0.00}");
    }

    [Fact]
    public async Task Longer_text_gives_longer_audio()
    {
        var engine = Create();
        var shortClip = await engine.SynthesizeAsync("satu", CancellationToken.None);
        var longClip = await engine.SynthesizeAsync("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh", CancellationToken.None);
        Assert.True(longClip.Length > 3 * shortClip.Length);
    }

    [Fact]
    public async Task Text_is_not_taken_as_options()
    {
        var samples = await Create().SynthesizeAsync("--version -w /tmp/x \"; rm -rf /", CancellationToken.None);
        Assert.True(AudioLevels.Measure(samples, 8000).Duration > TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task Is_available()
        => await Create().EnsureAvailableAsync(CancellationToken.None);

    [Fact]
    public async Task Missing_program_names_espeak_ng_and_how_to_install_it()
    {
        var engine = Create(new EspeakOptions { ProgramPath = "/nonexistent/espeak-ng-missing" });
        var ex = await Assert.ThrowsAsync<SpeechException>(() => engine.EnsureAvailableAsync(CancellationToken.None));
        Assert.Contains("espeak-ng", ex.Message);
        Assert.Contains("apt-get install espeak-ng", ex.Message);
    }

    [Fact]
    public async Task Unknown_voice_is_a_speech_exception()
    {
        var engine = Create(new EspeakOptions { Voice = "zz-nonexistent" });
        var ex = await Assert.ThrowsAsync<SpeechException>(() => engine.SynthesizeAsync("halo", CancellationToken.None));
        Assert.Contains("zz-nonexistent", ex.Message);
    }

    [Fact]
    public async Task Cancellation_stops_synthesis()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Create().SynthesizeAsync(string.Join(' ', Enumerable.Repeat("panjang sekali", 500)), cts.Token));
    }
}
