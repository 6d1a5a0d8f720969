using System.Buffers.Binary;
using System.Text;

namespace VikaIvr.Media.Audio;

/// <summary>
/// Reads RIFF/WAVE files: integer PCM 8/16/24/32-bit, float 32/64-bit, µ-law, A-law, plain or
/// WAVE_FORMAT_EXTENSIBLE, any rate and channel count. Channels are mixed down to mono.
/// Unknown chunks are skipped; anything malformed throws <see cref="WavFormatException"/>.
/// Ours rather than NAudio's WaveFileReader, which reads the same valid variants but takes a cut
/// file, 0 channels, 0 Hz or a wrong block align without a word and names no file
/// (docs/naudio-evaluation.md).
/// </summary>
public static class WavReader
{
    private const uint StdoutPlaceholder = 0x7FFFF000;

    public static PcmAudio Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException ex)
        {
            throw new WavFormatException(path, "file not found", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new WavFormatException(path, "directory not found", ex);
        }

        return Read(bytes, path);
    }

    public static PcmAudio Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.GetBuffer().AsSpan(0, (int)copy.Length), name);
    }

    public static PcmAudio Read(ReadOnlySpan<byte> file, string name)
    {
        var (format, start, length) = Parse(file, name);
        return new PcmAudio(WavSampleDecoder.DecodeMono(file.Slice(start, length), format), format.SampleRate, format);
    }

    /// <summary>Reads only the header: the format and how many sample frames the data chunk holds.</summary>
    public static (WavFormatInfo Format, long Frames) ReadInfo(ReadOnlySpan<byte> file, string name)
    {
        var (format, _, length) = Parse(file, name);
        return (format, length / (format.BitsPerSample / 8 * format.Channels));
    }

    private static (WavFormatInfo Format, int Start, int Length) Parse(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length < 12)
        {
            throw new WavFormatException(name, $"not a WAV file (only {file.Length} bytes, a RIFF header needs 12)");
        }

        if (!file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            var tag = file[..4].SequenceEqual("RIFF"u8) ? FourCc(file.Slice(8, 4)) : FourCc(file[..4]);
            throw new WavFormatException(name, $"not a RIFF/WAVE file (found '{tag}')");
        }

        WavFormatInfo? format = null;
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = file.Slice(position, 4);
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            var bodyStart = position + 8;
            var available = file.Length - bodyStart;

            if (id.SequenceEqual("fmt "u8))
            {
                if (declared > available)
                {
                    throw new WavFormatException(name, $"truncated fmt chunk (expected {declared} bytes, found {available})");
                }

                format = WavFormatParser.Parse(file.Slice(bodyStart, (int)declared), name);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw new WavFormatException(name, "data chunk before the fmt chunk");
                }

                var length = IsSizePlaceholder(file, declared, available) ? available : (long)declared;
                if (length > available)
                {
                    throw new WavFormatException(name, $"truncated data chunk (expected {length} bytes, found {available})");
                }

                var frameBytes = format.BitsPerSample / 8 * format.Channels;
                var usable = (int)length / frameBytes * frameBytes;
                return (format, bodyStart, usable);
            }
            else if (declared > available)
            {
                throw new WavFormatException(name, $"truncated '{FourCc(id)}' chunk (expected {declared} bytes, found {available})");
            }

            // Chunks are word-aligned: an odd-sized body is followed by one pad byte.
            position = bodyStart + (int)declared + (int)(declared & 1);
        }

        throw new WavFormatException(name, format is null ? "no fmt chunk" : "no data chunk");
    }

    /// <summary>
    /// A writer that cannot seek back (to a pipe, or one that never finished) leaves a stand-in
    /// for the data size: 0xFFFFFFFF; 0x7FFFF000 from sox and espeak-ng writing to stdout; or 0
    /// with the RIFF size 0 too. Then the data runs to the end of the file. Any other size larger
    /// than the file is a cut file and stays an error.
    /// </summary>
    private static bool IsSizePlaceholder(ReadOnlySpan<byte> file, uint declared, long available) =>
        declared == uint.MaxValue
        || (declared >= StdoutPlaceholder && declared > available)
        || (declared == 0 && available > 0 && BinaryPrimitives.ReadUInt32LittleEndian(file[4..]) == 0);

    internal static string FourCc(ReadOnlySpan<byte> id)
    {
        var builder = new StringBuilder(4);
        foreach (var b in id)
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return builder.ToString();
    }
}
