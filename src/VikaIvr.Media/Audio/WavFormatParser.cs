using System.Buffers.Binary;

namespace VikaIvr.Media.Audio;

/// <summary>Validates a fmt chunk body and turns it into a <see cref="WavFormatInfo"/>.</summary>
internal static class WavFormatParser
{
    private const ushort TagPcm = 0x0001;
    private const ushort TagFloat = 0x0003;
    private const ushort TagALaw = 0x0006;
    private const ushort TagMuLaw = 0x0007;
    private const ushort TagExtensible = 0xFFFE;

    // KSDATAFORMAT_SUBTYPE_* GUIDs share everything after their first two bytes.
    private static ReadOnlySpan<byte> SubFormatTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public static WavFormatInfo Parse(ReadOnlySpan<byte> fmt, string name)
    {
        if (fmt.Length < 16)
        {
            throw new WavFormatException(name, $"fmt chunk too short ({fmt.Length} bytes, need at least 16)");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        var extensible = false;

        if (tag == TagExtensible)
        {
            if (fmt.Length < 40)
            {
                throw new WavFormatException(name, $"WAVE_FORMAT_EXTENSIBLE fmt chunk too short ({fmt.Length} bytes, need 40)");
            }

            var guid = fmt.Slice(24, 16);
            if (!guid[2..].SequenceEqual(SubFormatTail))
            {
                throw new WavFormatException(name, "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
            extensible = true;
        }

        if (channels == 0)
        {
            throw new WavFormatException(name, "fmt chunk declares 0 channels");
        }

        if (sampleRate == 0 || sampleRate > 1_000_000)
        {
            throw new WavFormatException(name, $"unsupported sample rate {sampleRate} Hz");
        }

        var format = tag switch
        {
            TagPcm => WavSampleFormat.Pcm,
            TagFloat => WavSampleFormat.Float,
            TagALaw => WavSampleFormat.ALaw,
            TagMuLaw => WavSampleFormat.MuLaw,
            _ => throw new WavFormatException(name, $"unsupported format tag 0x{tag:X4} ({TagName(tag)}); supported: PCM, IEEE float, µ-law, A-law"),
        };

        var bitsOk = format switch
        {
            WavSampleFormat.Pcm => bits is 8 or 16 or 24 or 32,
            WavSampleFormat.Float => bits is 32 or 64,
            _ => bits == 8,
        };
        if (!bitsOk)
        {
            throw new WavFormatException(name, $"unsupported {bits} bits per sample for {format}");
        }

        if (blockAlign != channels * bits / 8)
        {
            throw new WavFormatException(name, $"block align {blockAlign} does not match {channels} channel(s) of {bits} bits");
        }

        return new WavFormatInfo(format, bits, channels, (int)sampleRate, extensible);
    }

    private static string TagName(ushort tag) => tag switch
    {
        0x0002 => "MS ADPCM",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0055 => "MP3",
        _ => "unknown",
    };
}
