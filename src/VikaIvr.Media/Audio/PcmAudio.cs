namespace VikaIvr.Media.Audio;

/// <summary>
/// Decoded mono audio: float samples in [-1, 1) at <see cref="SampleRate"/>, plus what the
/// source file held. Float keeps 24/32-bit and float sources exact until the final conversion.
/// </summary>
public sealed class PcmAudio
{
    public PcmAudio(float[] samples, int sampleRate, WavFormatInfo? source = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        Samples = samples;
        SampleRate = sampleRate;
        Source = source;
    }

    /// <summary>Mono samples, full scale = 1.0.</summary>
    public float[] Samples { get; }

    public int SampleRate { get; }

    /// <summary>The original file's format, or null when the audio was not read from a file.</summary>
    public WavFormatInfo? Source { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);

    /// <summary>Converts to 16-bit linear PCM, rounding and clipping.</summary>
    public short[] ToPcm16() => SampleConvert.ToPcm16(Samples);

    public static PcmAudio FromPcm16(ReadOnlySpan<short> samples, int sampleRate) =>
        new(SampleConvert.ToFloat(samples), sampleRate);
}
