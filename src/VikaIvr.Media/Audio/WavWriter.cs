using NAudio.Wave;

namespace VikaIvr.Media.Audio;

/// <summary>
/// Writes mono WAV files (PCM 8/16/24/32-bit, float 32-bit, µ-law or A-law). The container —
/// RIFF header, fmt with cbSize and the fact chunk non-PCM formats need, pad byte, sizes fixed
/// up on close — is NAudio's <see cref="WaveFileWriter"/>; the samples are coded by
/// <see cref="WavSampleEncoder"/> (see docs/naudio-evaluation.md for why that split).
/// </summary>
public static class WavWriter
{
    public static void Write(string path, ReadOnlySpan<short> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        WriteFile(path, WavSampleEncoder.Encode(samples, encoding), sampleRate, encoding);
    }

    public static void Write(Stream stream, ReadOnlySpan<short> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(stream);

        // WaveFileWriter seeks back to absolute offsets 4 and 40 to fix the sizes: built in memory
        // first, the file can go to a pipe or after other bytes in the stream.
        stream.Write(ToBytes(samples, sampleRate, encoding));
    }

    public static void Write(string path, ReadOnlySpan<float> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        WriteFile(path, WavSampleEncoder.Encode(samples, encoding), sampleRate, encoding);
    }

    public static byte[] ToBytes(ReadOnlySpan<short> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16) =>
        ToBytes(WavSampleEncoder.Encode(samples, encoding), sampleRate, encoding);

    public static byte[] ToBytes(ReadOnlySpan<float> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16) =>
        ToBytes(WavSampleEncoder.Encode(samples, encoding), sampleRate, encoding);

    private static byte[] ToBytes(byte[] data, int sampleRate, WavEncoding encoding)
    {
        // NAudio writes a 44-byte header for PCM and 58 bytes (fmt with cbSize, fact) otherwise:
        // sized exactly, the stream's own buffer is the file and needs no copy.
        var header = encoding is WavEncoding.MuLaw or WavEncoding.ALaw or WavEncoding.Float32 ? 58 : 44;
        var size = header + data.Length + (data.Length & 1);
        using var stream = new MemoryStream(size);
        WriteData(stream, data, sampleRate, encoding);
        return stream.Length == size ? stream.GetBuffer() : stream.ToArray();
    }

    private static void WriteFile(string path, byte[] data, int sampleRate, WavEncoding encoding)
    {
        var format = Format(sampleRate, encoding, data);
        using var writer = new WaveFileWriter(path, format);
        writer.Write(data);
    }

    private static void WriteData(Stream stream, byte[] data, int sampleRate, WavEncoding encoding)
    {
        var format = Format(sampleRate, encoding, data);

        // The writer does not own the stream: disposing it fixes the sizes and leaves it open.
        using var writer = new WaveFileWriter(stream, format);
        writer.Write(data);
    }

    private static WaveFormat Format(int sampleRate, WavEncoding encoding, byte[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (data.LongLength > int.MaxValue - 64)
        {
            throw new ArgumentException("Audio too long for one WAV file.", nameof(data));
        }

        return encoding switch
        {
            WavEncoding.Pcm16 => new WaveFormat(sampleRate, 16, 1),
            WavEncoding.Pcm8 => new WaveFormat(sampleRate, 8, 1),
            WavEncoding.Pcm24 => new WaveFormat(sampleRate, 24, 1),
            WavEncoding.Pcm32 => new WaveFormat(sampleRate, 32, 1),
            WavEncoding.Float32 => WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, 1),
            WavEncoding.MuLaw => WaveFormat.CreateMuLawFormat(sampleRate, 1),
            WavEncoding.ALaw => WaveFormat.CreateALawFormat(sampleRate, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
        };
    }
}
