using System.Buffers.Binary;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// Just enough WAV for the interop tests (kept here so the harness does not depend on the media
/// code it tests): read mono/stereo PCM16, µ-law or A-law; write mono PCM16.
/// </summary>
public static class WavFile
{
    public static (short[] Samples, int SampleRate) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path}: not a RIFF/WAVE file");
        }

        int format = 0, channels = 0, rate = 0, bits = 0;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(offset, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4)), (uint)(bytes.Length - offset - 8));
            var body = bytes.AsSpan(offset + 8, size);
            if (id.SequenceEqual("fmt "u8))
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format == 0xFFFE && size >= 26)
                {
                    format = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0)
                {
                    throw new InvalidDataException($"{path}: data before fmt");
                }

                return (Decode(body, format, bits, channels, path), rate);
            }

            offset += 8 + size + (size & 1);
        }

        // sndfile writes the sizes only when it closes the file; an empty dump has no data chunk.
        return ([], rate);
    }

    public static void WritePcm16(string path, ReadOnlySpan<short> samples, int sampleRate)
    {
        var data = samples.Length * 2;
        var bytes = new byte[44 + data];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (2 * i)), samples[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static short[] Decode(ReadOnlySpan<byte> data, int format, int bits, int channels, string path)
    {
        var frameBytes = bits / 8 * channels;
        if (frameBytes == 0)
        {
            throw new InvalidDataException($"{path}: {bits} bits per sample");
        }

        var frames = data.Length / frameBytes;
        var samples = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++)
            {
                var at = (i * frameBytes) + (c * bits / 8);
                sum += (format, bits) switch
                {
                    (1, 16) => BinaryPrimitives.ReadInt16LittleEndian(data[at..]),
                    (1, 8) => (data[at] - 128) << 8,
                    (7, 8) => G711.MuLawToLinear(data[at]),
                    (6, 8) => G711.ALawToLinear(data[at]),
                    _ => throw new InvalidDataException($"{path}: WAV format {format} with {bits} bits is not read by the interop harness"),
                };
            }

            samples[i] = (short)(sum / channels);
        }

        return samples;
    }
}
