using System.Buffers.Binary;
using VikaIvr.Media.Codecs;

namespace VikaIvr.Media.Audio;

/// <summary>Decodes an interleaved WAV data chunk to mono float, averaging the channels.</summary>
internal static class WavSampleDecoder
{
    public static float[] DecodeMono(ReadOnlySpan<byte> data, WavFormatInfo format)
    {
        var bytesPerSample = format.BitsPerSample / 8;
        var channels = format.Channels;
        var frames = data.Length / (bytesPerSample * channels);
        var result = new float[frames];
        var scale = 1f / channels;
        var offset = 0;
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0.0;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += DecodeOne(data.Slice(offset, bytesPerSample), format);
                offset += bytesPerSample;
            }

            result[frame] = (float)(sum * scale);
        }

        return result;
    }

    private static double DecodeOne(ReadOnlySpan<byte> bytes, WavFormatInfo format) => format.Format switch
    {
        WavSampleFormat.MuLaw => G711.DecodeMuLaw(bytes[0]) / 32768.0,
        WavSampleFormat.ALaw => G711.DecodeALaw(bytes[0]) / 32768.0,
        WavSampleFormat.Float when format.BitsPerSample == 32 => BinaryPrimitives.ReadSingleLittleEndian(bytes),
        WavSampleFormat.Float => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
        _ => format.BitsPerSample switch
        {
            8 => (bytes[0] - 128) / 128.0,
            16 => BinaryPrimitives.ReadInt16LittleEndian(bytes) / 32768.0,
            24 => (((bytes[2] << 24) | (bytes[1] << 16) | (bytes[0] << 8)) >> 8) / 8388608.0,
            _ => BinaryPrimitives.ReadInt32LittleEndian(bytes) / 2147483648.0,
        },
    };
}
