using System.Buffers.Binary;
using VikaIvr.Media.Codecs;

namespace VikaIvr.Media.Audio;

/// <summary>Writes mono WAV files (PCM 8/16/24/32-bit, float 32-bit, µ-law or A-law).</summary>
public static class WavWriter
{
    public static void Write(string path, ReadOnlySpan<short> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, ToBytes(samples, sampleRate, encoding));
    }

    public static void Write(Stream stream, ReadOnlySpan<short> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes(samples, sampleRate, encoding));
    }

    public static void Write(string path, ReadOnlySpan<float> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, ToBytes(samples, sampleRate, encoding));
    }

    public static byte[] ToBytes(ReadOnlySpan<short> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        if (encoding == WavEncoding.Float32)
        {
            return ToBytes(SampleConvert.ToFloat(samples), sampleRate, encoding);
        }

        var (file, data) = Layout(samples.Length, sampleRate, encoding);
        for (var i = 0; i < samples.Length; i++)
        {
            WriteInteger(data, i, samples[i] << 16, encoding);
        }

        return file;
    }

    public static byte[] ToBytes(ReadOnlySpan<float> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        var (file, data) = Layout(samples.Length, sampleRate, encoding);
        for (var i = 0; i < samples.Length; i++)
        {
            if (encoding == WavEncoding.Float32)
            {
                BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), samples[i]);
                continue;
            }

            var scaled = Math.Round(samples[i] * 2147483648.0);
            var value = (int)Math.Clamp(scaled, int.MinValue, int.MaxValue);
            WriteInteger(data, i, value, encoding);
        }

        return file;
    }

    /// <param name="value">The sample as a 32-bit signed integer (full scale = int range).</param>
    private static void WriteInteger(ArraySegment<byte> data, int index, int value, WavEncoding encoding)
    {
        var span = data.AsSpan();
        switch (encoding)
        {
            case WavEncoding.Pcm16:
                BinaryPrimitives.WriteInt16LittleEndian(span[(index * 2)..], Round16(value));
                break;
            case WavEncoding.MuLaw:
                span[index] = G711.EncodeMuLaw(Round16(value));
                break;
            case WavEncoding.ALaw:
                span[index] = G711.EncodeALaw(Round16(value));
                break;
            case WavEncoding.Pcm8:
                span[index] = (byte)(Math.Clamp(((long)value + (1 << 23)) >> 24, -128, 127) + 128);
                break;
            case WavEncoding.Pcm24:
                var v24 = Math.Clamp((long)value + 128 >> 8, -8388608, 8388607);
                span[index * 3] = (byte)v24;
                span[(index * 3) + 1] = (byte)(v24 >> 8);
                span[(index * 3) + 2] = (byte)(v24 >> 16);
                break;
            case WavEncoding.Pcm32:
                BinaryPrimitives.WriteInt32LittleEndian(span[(index * 4)..], value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null);
        }
    }

    private static short Round16(int value) => (short)Math.Clamp(((long)value + 32768) >> 16, short.MinValue, short.MaxValue);

    private static (byte[] File, ArraySegment<byte> Data) Layout(int sampleCount, int sampleRate, WavEncoding encoding)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var (tag, bits) = encoding switch
        {
            WavEncoding.Pcm16 => (1, 16),
            WavEncoding.Pcm8 => (1, 8),
            WavEncoding.Pcm24 => (1, 24),
            WavEncoding.Pcm32 => (1, 32),
            WavEncoding.Float32 => (3, 32),
            WavEncoding.ALaw => (6, 8),
            WavEncoding.MuLaw => (7, 8),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
        };

        // Non-PCM formats carry cbSize and a fact chunk, as the WAVE spec asks of them.
        var isPcm = tag == 1;
        var fmtSize = isPcm ? 16 : 18;
        var factSize = isPcm ? 0 : 12;
        var bytesPerSample = bits / 8;
        var dataSize = (long)sampleCount * bytesPerSample;
        var pad = (int)(dataSize & 1);
        var total = 12 + 8 + fmtSize + factSize + 8 + dataSize + pad;
        if (total > int.MaxValue)
        {
            throw new ArgumentException("Audio too long for one WAV file.", nameof(sampleCount));
        }

        var file = new byte[total];
        var span = file.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(total - 8));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], fmtSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * bytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)bytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)bits);
        var position = 36 + (fmtSize - 16);
        if (!isPcm)
        {
            "fact"u8.CopyTo(span[position..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[(position + 4)..], 4);
            BinaryPrimitives.WriteInt32LittleEndian(span[(position + 8)..], sampleCount);
            position += 12;
        }

        "data"u8.CopyTo(span[position..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(position + 4)..], (uint)dataSize);
        return (file, new ArraySegment<byte>(file, position + 8, (int)dataSize));
    }
}
