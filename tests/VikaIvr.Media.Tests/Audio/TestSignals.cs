namespace VikaIvr.Media.Tests.Audio;

/// <summary>Generated signals and level measurements shared by the audio tests.</summary>
internal static class TestSignals
{
    public static float[] Sine(double frequency, int sampleRate, int count, double amplitude = 0.5, double phase = 0)
    {
        var result = new float[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (float)(amplitude * Math.Sin((2 * Math.PI * frequency * i / sampleRate) + phase));
        }

        return result;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    public static double Db(double ratio) => 20 * Math.Log10(Math.Max(ratio, 1e-12));

    /// <summary>The frequency of the strongest component, found by zero crossings of a clean tone.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> samples, int sampleRate)
    {
        var first = -1.0;
        var last = -1.0;
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                // Linear interpolation places the crossing between samples.
                var at = i - 1 + (samples[i - 1] / (samples[i - 1] - samples[i]));
                if (first < 0)
                {
                    first = at;
                }
                else
                {
                    crossings++;
                }

                last = at;
            }
        }

        return crossings * sampleRate / (last - first);
    }
}
