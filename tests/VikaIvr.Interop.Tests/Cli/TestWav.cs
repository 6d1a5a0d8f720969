using System.Buffers.Binary;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>Generated PCM16 WAV signals for the audio commands, and their header facts.</summary>
public static class TestWav
{
    /// <summary>Interleaved PCM16 with any channel count and rate.</summary>
    public static void Write(string path, short[] interleaved, int channels, int sampleRate)
    {
        var data = interleaved.Length * 2;
        var bytes = new byte[44 + data];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), sampleRate * 2 * channels);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), (short)(2 * channels));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data);
        for (var i = 0; i < interleaved.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (2 * i)), interleaved[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Channels, rate, bits per sample and duration from the fmt and data chunks.</summary>
    public static (int Channels, int SampleRate, int Bits, TimeSpan Duration) Format(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int channels = 0, rate = 0, bits = 0, blockAlign = 0;
        for (var offset = 12; offset + 8 <= bytes.Length;)
        {
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4)), (uint)(bytes.Length - offset - 8));
            var body = bytes.AsSpan(offset + 8, size);
            if (bytes.AsSpan(offset, 4).SequenceEqual("fmt "u8))
            {
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
            }
            else if (bytes.AsSpan(offset, 4).SequenceEqual("data"u8) && blockAlign > 0)
            {
                return (channels, rate, bits, TimeSpan.FromSeconds((double)size / blockAlign / rate));
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidDataException(path + ": no fmt/data chunk");
    }

    /// <summary>Sum of sines at <paramref name="amplitude"/> each, <paramref name="seconds"/> long.</summary>
    public static short[] Tone(int sampleRate, double seconds, double amplitude, params double[] frequencies)
    {
        var samples = new short[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            var v = 0.0;
            foreach (var f in frequencies)
            {
                v += Math.Sin(2 * Math.PI * f * i / sampleRate);
            }

            samples[i] = (short)Math.Round(amplitude * v);
        }

        return samples;
    }
}
