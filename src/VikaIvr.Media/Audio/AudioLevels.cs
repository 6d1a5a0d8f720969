namespace VikaIvr.Media.Audio;

/// <summary>Measures level, peak, clipping and silence of mono audio.</summary>
public static class AudioLevels
{
    /// <summary>Frames quieter than this count as silence unless told otherwise.</summary>
    public const double DefaultSilenceThresholdDbfs = -50;

    // P.56 puts the activity threshold 15.9 dB under the active level it is estimating.
    private const double ActivityMarginDb = 15.9;
    private const float ClipLevel = 32767f / 32768f;

    public static AudioMeasurement Measure(ReadOnlySpan<short> samples, int sampleRate, double silenceThresholdDbfs = DefaultSilenceThresholdDbfs) =>
        Measure(SampleConvert.ToFloat(samples), sampleRate, silenceThresholdDbfs);

    public static AudioMeasurement Measure(ReadOnlySpan<float> samples, int sampleRate, double silenceThresholdDbfs = DefaultSilenceThresholdDbfs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var sum = 0.0;
        var peak = 0.0;
        var clipped = 0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
            var magnitude = Math.Abs(s);
            peak = Math.Max(peak, magnitude);
            if (magnitude >= ClipLevel)
            {
                clipped++;
            }
        }

        var frame = Math.Max(1, sampleRate / 100);
        var frameCount = (samples.Length + frame - 1) / frame;
        var frameEnergies = new double[frameCount];
        var silenceEnergy = FromDb(silenceThresholdDbfs);
        var firstActive = -1;
        var lastActive = -1;
        for (var f = 0; f < frameCount; f++)
        {
            var part = samples.Slice(f * frame, Math.Min(frame, samples.Length - (f * frame)));
            frameEnergies[f] = MeanSquare(part);
            if (frameEnergies[f] > silenceEnergy)
            {
                firstActive = firstActive < 0 ? f : firstActive;
                lastActive = f;
            }
        }

        var duration = TimeSpan.FromSeconds(samples.Length / (double)sampleRate);
        var isSilent = firstActive < 0;
        var leading = isSilent ? duration : TimeSpan.FromSeconds(firstActive * frame / (double)sampleRate);
        var trailing = isSilent
            ? duration
            : TimeSpan.FromSeconds(Math.Max(0, samples.Length - ((lastActive + 1) * frame)) / (double)sampleRate);

        return new AudioMeasurement(
            duration,
            ToDb(samples.Length == 0 ? 0 : sum / samples.Length),
            ToDb(ActiveMeanSquare(frameEnergies, silenceEnergy)),
            20 * Math.Log10(peak),
            samples.Length == 0 ? 0 : clipped / (double)samples.Length,
            leading,
            trailing,
            isSilent);
    }

    /// <summary>
    /// Mean square over frames louder than (active level - 15.9 dB), iterated because the
    /// threshold depends on the level it selects; pauses then do not drag the level down.
    /// </summary>
    private static double ActiveMeanSquare(double[] frameEnergies, double floor)
    {
        var threshold = floor;
        var level = 0.0;
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var sum = 0.0;
            var count = 0;
            foreach (var energy in frameEnergies)
            {
                if (energy > threshold)
                {
                    sum += energy;
                    count++;
                }
            }

            if (count == 0)
            {
                return level;
            }

            var next = sum / count;
            if (Math.Abs(next - level) <= next * 1e-6)
            {
                return next;
            }

            level = next;
            threshold = Math.Max(floor, level / FromDb(ActivityMarginDb));
        }

        return level;
    }

    private static double MeanSquare(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
        }

        return samples.Length == 0 ? 0 : sum / samples.Length;
    }

    private static double ToDb(double meanSquare) => 10 * Math.Log10(meanSquare);

    private static double FromDb(double db) => Math.Pow(10, db / 10);
}
