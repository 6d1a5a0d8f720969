namespace VikaIvr.Media.Audio;

/// <summary>Scales audio to a target level with one gain, capped so the peak stays under a ceiling.</summary>
public static class LoudnessNormalizer
{
    /// <summary>Normalises <paramref name="samples"/> in place.</summary>
    public static LoudnessResult Normalize(Span<float> samples, int sampleRate, LoudnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var before = AudioLevels.Measure(samples, sampleRate, options.SilenceThresholdDbfs);
        if (before.IsSilent)
        {
            return new LoudnessResult(0, false, before);
        }

        var level = options.Measure == LoudnessMeasure.Rms ? before.RmsDbfs : before.ActiveLevelDbfs;
        var gainDb = options.TargetDbfs - level;
        var limited = false;
        if (before.PeakDbfs + gainDb > options.PeakCeilingDbfs)
        {
            gainDb = options.PeakCeilingDbfs - before.PeakDbfs;
            limited = true;
        }

        var gain = (float)Math.Pow(10, gainDb / 20);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] *= gain;
        }

        return new LoudnessResult(gainDb, limited, before);
    }
}
