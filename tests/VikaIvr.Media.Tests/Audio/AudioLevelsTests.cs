using VikaIvr.Media.Audio;

namespace VikaIvr.Media.Tests.Audio;

public sealed class AudioLevelsTests
{
    [Fact]
    public void Sine_levels_and_duration()
    {
        var m = AudioLevels.Measure(TestSignals.Sine(1000, 8000, 8000, amplitude: 0.5), 8000);

        Assert.Equal(TimeSpan.FromSeconds(1), m.Duration);
        Assert.InRange(m.RmsDbfs, -9.1, -8.95);
        Assert.InRange(m.PeakDbfs, -6.05, -6.0);
        Assert.Equal(0, m.ClippedRatio);
        Assert.False(m.IsSilent);
        Assert.Equal(TimeSpan.Zero, m.LeadingSilence);
    }

    [Fact]
    public void Pauses_lower_rms_but_not_the_active_level()
    {
        var samples = new float[16000];
        TestSignals.Sine(500, 8000, 4000, amplitude: 0.1).CopyTo(samples, 4000);
        TestSignals.Sine(500, 8000, 4000, amplitude: 0.1).CopyTo(samples, 12000);

        var m = AudioLevels.Measure(samples, 8000);

        var toneDb = 20 * Math.Log10(0.1 / Math.Sqrt(2));
        Assert.InRange(m.ActiveLevelDbfs, toneDb - 0.2, toneDb + 0.2);
        Assert.InRange(m.RmsDbfs, toneDb - 3.2, toneDb - 2.8);
        Assert.Equal(TimeSpan.FromMilliseconds(500), m.LeadingSilence);
        Assert.Equal(TimeSpan.Zero, m.TrailingSilence);
    }

    [Fact]
    public void Clipping_and_silence_are_detected()
    {
        var clipped = new short[1000];
        for (var i = 0; i < 100; i++)
        {
            clipped[i * 10] = i % 2 == 0 ? short.MaxValue : short.MinValue;
        }

        Assert.Equal(0.1, AudioLevels.Measure(clipped, 8000).ClippedRatio, 6);

        var silent = AudioLevels.Measure(new short[8000], 8000);
        Assert.True(silent.IsSilent);
        Assert.Equal(double.NegativeInfinity, silent.RmsDbfs);
        Assert.Equal(TimeSpan.FromSeconds(1), silent.LeadingSilence);
    }

    [Fact]
    public void Normalizer_reaches_the_target_level()
    {
        var samples = TestSignals.Sine(800, 8000, 8000, amplitude: 0.01);

        var result = LoudnessNormalizer.Normalize(samples, 8000, new LoudnessOptions { TargetDbfs = -20, Measure = LoudnessMeasure.Rms });

        Assert.False(result.PeakLimited);
        Assert.InRange(AudioLevels.Measure(samples, 8000).RmsDbfs, -20.05, -19.95);
    }

    [Fact]
    public void Normalizer_limits_gain_so_peaks_do_not_clip()
    {
        // A spiky signal: low RMS but one near-full-scale click.
        var samples = TestSignals.Sine(800, 8000, 8000, amplitude: 0.01);
        samples[100] = 0.5f;

        var result = LoudnessNormalizer.Normalize(samples, 8000, new LoudnessOptions { TargetDbfs = -10, PeakCeilingDbfs = -1 });

        Assert.True(result.PeakLimited);
        var after = AudioLevels.Measure(samples, 8000);
        Assert.InRange(after.PeakDbfs, -1.01, -0.99);
        Assert.Equal(0, after.ClippedRatio);
    }

    [Fact]
    public void Silence_is_not_amplified()
    {
        var samples = new float[800];
        samples[5] = 1e-5f;
        var result = LoudnessNormalizer.Normalize(samples, 8000, new LoudnessOptions());
        Assert.Equal(0, result.GainDb);
        Assert.Equal(1e-5f, samples[5]);
    }
}
