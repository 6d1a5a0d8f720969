namespace VikaIvr.Interop.Tests.Harness;

/// <summary>A 440 Hz tone, standing for an operator's voice, and how much of some audio it is.</summary>
public static class ToneShare
{
    public const double Hz = 440;

    public static short[] Tone(int samples)
    {
        var s = new short[samples];
        for (int i = 0; i < samples; i++) s[i] = (short)(9000 * Math.Sin(2 * Math.PI * Hz * i / 8000));
        return s;
    }

    /// <summary>The share of the audio's energy at 440 Hz (Goertzel over 20 ms blocks): near 1 for the tone, low for speech.</summary>
    public static double Of(ReadOnlySpan<short> samples)
    {
        const int block = 160;
        double coeff = 2 * Math.Cos(2 * Math.PI * Hz / 8000);
        double tone = 0, total = 0;
        for (int start = 0; start + block <= samples.Length; start += block)
        {
            double s1 = 0, s2 = 0, energy = 0;
            for (int i = 0; i < block; i++)
            {
                double x = samples[start + i];
                energy += x * x;
                double s0 = x + (coeff * s1) - s2;
                s2 = s1;
                s1 = s0;
            }

            double power = (s1 * s1) + (s2 * s2) - (coeff * s1 * s2);
            tone += 2 * power / block;
            total += energy;
        }

        return total == 0 ? 0 : tone / total;
    }
}
