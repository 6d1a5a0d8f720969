namespace VikaIvr.Speech.Audio;

/// <summary>Simple tones at 8 kHz, such as the beep before a recording.</summary>
public static class ToneGenerator
{
    /// <summary>A sine tone with short ramps so it starts and ends without a click.</summary>
    public static short[] Beep(double frequencyHz = 1000, int durationMs = 300, double levelDbfs = -10, int sampleRate = 8000)
    {
        var count = sampleRate * durationMs / 1000;
        var ramp = Math.Min(count / 2, sampleRate / 100);
        var amplitude = 32767 * Math.Pow(10, levelDbfs / 20);
        var samples = new short[count];
        for (var i = 0; i < count; i++)
        {
            var envelope = Math.Min(1.0, Math.Min(i, count - 1 - i) / (double)Math.Max(1, ramp));
            samples[i] = (short)Math.Round(amplitude * envelope * Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate));
        }

        return samples;
    }
}
