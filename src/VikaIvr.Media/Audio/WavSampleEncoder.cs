using System.Buffers.Binary;
using System.Runtime.InteropServices;
using VikaIvr.Media.Codecs;

namespace VikaIvr.Media.Audio;

/// <summary>
/// Codes mono samples as the bytes of a WAV data chunk. Ours rather than NAudio's conversions:
/// they round (NAudio truncates and scales 16-bit by 32767) and G.711 follows G.191 as sox does.
/// </summary>
internal static class WavSampleEncoder
{
    public static int BytesPerSample(WavEncoding encoding) => encoding switch
    {
        WavEncoding.Pcm16 => 2,
        WavEncoding.Pcm24 => 3,
        WavEncoding.Pcm32 or WavEncoding.Float32 => 4,
        WavEncoding.Pcm8 or WavEncoding.MuLaw or WavEncoding.ALaw => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    public static byte[] Encode(ReadOnlySpan<short> samples, WavEncoding encoding)
    {
        var data = new byte[(long)samples.Length * BytesPerSample(encoding)];
        switch (encoding)
        {
            case WavEncoding.Pcm16 when BitConverter.IsLittleEndian:
                MemoryMarshal.AsBytes(samples).CopyTo(data);
                break;
            case WavEncoding.MuLaw:
                G711.EncodeMuLaw(samples, data);
                break;
            case WavEncoding.ALaw:
                G711.EncodeALaw(samples, data);
                break;
            case WavEncoding.Float32:
                for (var i = 0; i < samples.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), samples[i] / 32768f);
                }

                break;
            default:
                for (var i = 0; i < samples.Length; i++)
                {
                    WriteInteger(data, i, samples[i] << 16, encoding);
                }

                break;
        }

        return data;
    }

    public static byte[] Encode(ReadOnlySpan<float> samples, WavEncoding encoding)
    {
        var data = new byte[(long)samples.Length * BytesPerSample(encoding)];
        if (encoding == WavEncoding.Float32)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), samples[i]);
            }

            return data;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            var scaled = Math.Round(samples[i] * 2147483648.0);
            WriteInteger(data, i, (int)Math.Clamp(scaled, int.MinValue, int.MaxValue), encoding);
        }

        return data;
    }

    /// <param name="value">The sample as a 32-bit signed integer (full scale = int range).</param>
    private static void WriteInteger(Span<byte> data, int index, int value, WavEncoding encoding)
    {
        switch (encoding)
        {
            case WavEncoding.Pcm16:
                BinaryPrimitives.WriteInt16LittleEndian(data[(index * 2)..], Round16(value));
                break;
            case WavEncoding.MuLaw:
                data[index] = G711.EncodeMuLaw(Round16(value));
                break;
            case WavEncoding.ALaw:
                data[index] = G711.EncodeALaw(Round16(value));
                break;
            case WavEncoding.Pcm8:
                data[index] = (byte)(Math.Clamp(((long)value + (1 << 23)) >> 24, -128, 127) + 128);
                break;
            case WavEncoding.Pcm24:
                var v24 = Math.Clamp((long)value + 128 >> 8, -8388608, 8388607);
                data[index * 3] = (byte)v24;
                data[(index * 3) + 1] = (byte)(v24 >> 8);
                data[(index * 3) + 2] = (byte)(v24 >> 16);
                break;
            default:
                BinaryPrimitives.WriteInt32LittleEndian(data[(index * 4)..], value);
                break;
        }
    }

    private static short Round16(int value) => (short)Math.Clamp(((long)value + 32768) >> 16, short.MinValue, short.MaxValue);
}
