using NAudio.Codecs;
using NAudio.Wave;

namespace VikaIvr.Benchmarks.Audio;

/// <summary>
/// NAudio's way to the same result as our <c>WavReader</c>: <see cref="WaveFileReader"/> for the
/// container, <c>ToSampleProvider</c> for PCM/float (G.711 through NAudio.Codecs, which the sample
/// providers do not cover), channels averaged to mono.
/// </summary>
internal static class NAudioWav
{
    public static (float[] Samples, int SampleRate) ReadMono(Stream stream)
    {
        using var reader = new WaveFileReader(stream);
        var format = reader.WaveFormat;
        var channels = format.Channels;
        var interleaved = format.Encoding is WaveFormatEncoding.MuLaw or WaveFormatEncoding.ALaw
            ? DecodeG711(reader, format.Encoding)
            : ReadSamples(reader.ToSampleProvider(), reader.Length / Math.Max(1, format.BlockAlign) * channels);
        var frames = interleaved.Count / channels;
        var mono = new float[frames];
        var scale = 1f / channels;
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0f;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += interleaved[(frame * channels) + channel];
            }

            mono[frame] = sum * scale;
        }

        return (mono, format.SampleRate);
    }

    private static List<float> ReadSamples(ISampleProvider provider, long expected)
    {
        var result = new List<float>((int)Math.Min(expected, 1 << 24));
        // A whole number of frames per read: NAudio refuses partial blocks.
        var buffer = new float[4096 / provider.WaveFormat.Channels * provider.WaveFormat.Channels];
        int read;
        while ((read = provider.Read(buffer.AsSpan())) > 0)
        {
            result.AddRange(buffer.AsSpan(0, read));
        }

        return result;
    }

    private static List<float> DecodeG711(WaveFileReader reader, WaveFormatEncoding encoding)
    {
        var bytes = new byte[reader.Length];
        var count = 0;
        int read;
        while (count < bytes.Length && (read = reader.Read(bytes.AsSpan(count))) > 0)
        {
            count += read;
        }

        var pcm = new short[count];
        if (encoding == WaveFormatEncoding.MuLaw)
        {
            MuLawDecoder.Decode(bytes.AsSpan(0, count), pcm);
        }
        else
        {
            ALawDecoder.Decode(bytes.AsSpan(0, count), pcm);
        }

        var result = new List<float>(count);
        foreach (var s in pcm)
        {
            result.Add(s / 32768f);
        }

        return result;
    }
}
