using NAudio.Wave;

namespace VikaIvr.Benchmarks.Audio;

/// <summary>A mono float array as an NAudio sample provider, to feed NAudio's resampler.</summary>
internal sealed class ArraySampleProvider(float[] samples, int sampleRate) : ISampleProvider
{
    private int _position;

    public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, 1);

    public int Read(Span<float> buffer)
    {
        var count = Math.Min(buffer.Length, samples.Length - _position);
        samples.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
