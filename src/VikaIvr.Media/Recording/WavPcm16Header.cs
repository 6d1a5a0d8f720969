using System.Buffers.Binary;

namespace VikaIvr.Media.Recording;

/// <summary>The 44-byte canonical header of a mono 16-bit PCM WAV file.</summary>
internal static class WavPcm16Header
{
    public const int Size = 44;

    public static void Write(Span<byte> destination, int sampleRate, long samples)
    {
        long dataBytes = samples * 2;
        if (dataBytes + Size - 8 > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), "Too much audio for one WAV file.");
        }

        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)(dataBytes + Size - 8));
        "WAVE"u8.CopyTo(destination[8..]);
        "fmt "u8.CopyTo(destination[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(destination[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(destination[28..], sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[34..], 16);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[40..], (uint)dataBytes);
    }
}
