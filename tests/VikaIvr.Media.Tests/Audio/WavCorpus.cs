using System.Buffers.Binary;
using System.Text;
using VikaIvr.Media.Tests.Codecs;

namespace VikaIvr.Media.Tests.Audio;

/// <summary>One file of the odd-WAV corpus.</summary>
/// <param name="Name">File name inside the corpus directory.</param>
/// <param name="What">What makes it odd, for tables and test names.</param>
/// <param name="Reference">The file whose sox decoding is the right answer (null: the file is broken).</param>
/// <param name="Bits">Bits of precision of the source samples: the tolerance is one LSB of them.</param>
/// <param name="Fault">For a broken file, words the error message must contain.</param>
internal sealed record WavCorpusFile(string Name, string What, string? Reference, int Bits, string? Fault = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The WAV files operators bring, generated at test time: sox writes the common variants and the
/// rest are sox files re-wrapped byte by byte (extensible 16-bit, odd chunks, streaming size
/// placeholders) or broken on purpose. Shared by the unit tests and by the NAudio comparison
/// in bench/VikaIvr.Benchmarks (which compiles this file too).
/// </summary>
internal static class WavCorpus
{
    public static readonly WavCorpusFile[] Files =
    [
        new("pcm16-44k1-stereo.wav", "16-bit PCM, 44.1 kHz stereo", "pcm16-44k1-stereo.wav", 16),
        new("pcm16-8k-mono.wav", "16-bit PCM, 8 kHz mono", "pcm16-8k-mono.wav", 16),
        new("pcm24.wav", "24-bit PCM (plain fmt)", "pcm24.wav", 24),
        new("pcm24-extensible.wav", "24-bit PCM, WAVE_FORMAT_EXTENSIBLE", "pcm24-extensible.wav", 24),
        new("pcm32-extensible.wav", "32-bit integer PCM, extensible", "pcm32-extensible.wav", 24),
        new("pcm16-extensible.wav", "16-bit PCM stereo, WAVE_FORMAT_EXTENSIBLE", "pcm16-44k1-stereo.wav", 16),
        new("pcm16-6ch.wav", "16-bit PCM, 6 channels (extensible, 5.1 mask)", "pcm16-6ch.wav", 16),
        new("float32.wav", "32-bit float (tag 3, fact chunk)", "float32.wav", 24),
        new("float64.wav", "64-bit float", "float64.wav", 24),
        new("u8.wav", "8-bit unsigned PCM", "u8.wav", 8),
        new("mulaw.wav", "G.711 µ-law (tag 7, fact chunk)", "mulaw.wav", 16),
        new("alaw.wav", "G.711 A-law (tag 6, fact chunk)", "alaw.wav", 16),
        new("list-info.wav", "LIST/INFO and fact chunks between fmt and data", "pcm16-8k-mono.wav", 16),
        new("odd-chunk-pad.wav", "5-byte chunk + pad byte before data", "pcm16-8k-mono.wav", 16),
        new("bext-before-fmt.wav", "bext (Broadcast WAV) chunk before fmt", "pcm16-8k-mono.wav", 16),
        new("odd-data-trailing-list.wav", "odd-length 8-bit data + pad, LIST after data", "u8-odd.wav", 8),
        new("size-ffffffff.wav", "RIFF and data sizes 0xFFFFFFFF (streaming writer)", "pcm16-44k1-stereo.wav", 16),
        new("size-zero.wav", "RIFF and data sizes 0 (writer never finalised)", "pcm16-44k1-stereo.wav", 16),
        new("sox-piped.wav", "sox/espeak-ng to a pipe: sizes 0x7FFFF000", "pcm16-8k-mono.wav", 16),
        new("empty.wav", "empty file", null, 0, "not a WAV file"),
        new("mp3-renamed.wav", "an MP3 renamed .wav", null, 0, "not a RIFF/WAVE file"),
        new("ima-adpcm.wav", "IMA ADPCM (tag 0x11)", null, 0, "IMA ADPCM"),
        new("no-data.wav", "fmt but no data chunk", null, 0, "no data chunk"),
        new("truncated.wav", "cut download: data chunk longer than the file", null, 0, "truncated data chunk"),
        new("fmt-cut.wav", "file ends inside the fmt chunk", null, 0, "truncated fmt chunk"),
    ];

    /// <summary>Writes every corpus file (and the reference files) into <paramref name="directory"/>.</summary>
    public static void Build(string directory)
    {
        string P(string name) => Path.Combine(directory, name);
        void Synth(string name, int rate, int channels, params string[] format)
        {
            // -D: no dither, so the same command always writes the same samples.
            var args = new List<string> { "-D", "-n", "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", channels.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            args.AddRange(format);
            args.AddRange([P(name), "synth", "0.25", "sine", "200-3400", "vol", "0.7"]);
            Sox.Run([.. args]);
        }

        Synth("pcm16-44k1-stereo.wav", 44100, 2, "-b", "16");
        Synth("pcm16-8k-mono.wav", 8000, 1, "-b", "16");
        Synth("pcm24.wav", 48000, 1, "-b", "24", "-t", "wavpcm");
        Synth("pcm24-extensible.wav", 48000, 2, "-b", "24");
        Synth("pcm32-extensible.wav", 16000, 1, "-b", "32", "-e", "signed");
        Synth("pcm16-6ch.wav", 48000, 6, "-b", "16");
        Synth("float32.wav", 22050, 1, "-b", "32", "-e", "float");
        Synth("float64.wav", 22050, 1, "-b", "64", "-e", "float");
        Synth("u8.wav", 11025, 1, "-b", "8", "-e", "unsigned");
        Synth("mulaw.wav", 8000, 1, "-e", "mu-law");
        Synth("alaw.wav", 8000, 1, "-e", "a-law");
        Synth("ima-adpcm.wav", 8000, 1, "-e", "ima-adpcm");

        var stereo = Chunks(File.ReadAllBytes(P("pcm16-44k1-stereo.wav")));
        var mono = Chunks(File.ReadAllBytes(P("pcm16-8k-mono.wav")));
        var u8 = Chunks(File.ReadAllBytes(P("u8.wav")));

        File.WriteAllBytes(P("pcm16-extensible.wav"), Riff(("fmt ", ExtensibleFmt(2, 44100, 16, 0x3)), ("data", stereo["data"])));
        File.WriteAllBytes(P("list-info.wav"), Riff(("fmt ", mono["fmt "]), ("fact", Le32(mono["data"].Length / 2)), ("LIST", ListInfo()), ("data", mono["data"])));
        File.WriteAllBytes(P("odd-chunk-pad.wav"), Riff(("fmt ", mono["fmt "]), ("junk", [1, 2, 3, 4, 5]), ("data", mono["data"])));
        File.WriteAllBytes(P("bext-before-fmt.wav"), Riff(("bext", new byte[602]), ("fmt ", mono["fmt "]), ("data", mono["data"])));

        var oddData = u8["data"].AsSpan(0, u8["data"].Length - 1 - (u8["data"].Length % 2 == 0 ? 0 : 1)).ToArray();
        File.WriteAllBytes(P("u8-odd.wav"), Riff(("fmt ", u8["fmt "]), ("data", oddData)));
        File.WriteAllBytes(P("odd-data-trailing-list.wav"), Riff(("fmt ", u8["fmt "]), ("data", oddData), ("LIST", ListInfo())));

        var plain = Riff(("fmt ", stereo["fmt "]), ("data", stereo["data"]));
        File.WriteAllBytes(P("size-ffffffff.wav"), WithSizes(plain, uint.MaxValue, uint.MaxValue));
        File.WriteAllBytes(P("size-zero.wav"), WithSizes(plain, 0, 0));
        File.WriteAllBytes(P("sox-piped.wav"), WithSizes(Riff(("fmt ", mono["fmt "]), ("data", mono["data"])), 0x7FFFF024, 0x7FFFF000));

        File.WriteAllBytes(P("empty.wav"), []);
        File.WriteAllBytes(P("mp3-renamed.wav"), [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, .. new byte[400]]);
        File.WriteAllBytes(P("no-data.wav"), Riff(("fmt ", mono["fmt "]), ("LIST", ListInfo())));
        var whole = Riff(("fmt ", mono["fmt "]), ("data", mono["data"]));
        File.WriteAllBytes(P("truncated.wav"), whole.AsSpan(0, whole.Length / 2).ToArray());
        File.WriteAllBytes(P("fmt-cut.wav"), whole.AsSpan(0, 30).ToArray());
    }

    /// <summary>sox's decoding of a file as mono float (channels averaged): the reference.</summary>
    public static float[] SoxMono(string path)
    {
        var raw = Path.ChangeExtension(path, ".f32");
        var channels = int.Parse(SoxInfo(path), System.Globalization.CultureInfo.InvariantCulture);
        Sox.Run(path, "-t", "f32", raw);
        var bytes = File.ReadAllBytes(raw);
        var frames = bytes.Length / 4 / channels;
        var mono = new float[frames];
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0.0;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(((frame * channels) + channel) * 4));
            }

            mono[frame] = (float)(sum / channels);
        }

        return mono;
    }

    private static string SoxInfo(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("soxi") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(path);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("soxi did not start");
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    private static Dictionary<string, byte[]> Chunks(byte[] file)
    {
        var result = new Dictionary<string, byte[]>();
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = Encoding.ASCII.GetString(file, position, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position + 4)), (uint)(file.Length - position - 8));
            result[id] = file.AsSpan(position + 8, size).ToArray();
            position += 8 + size + (size & 1);
        }

        return result;
    }

    private static byte[] Riff(params (string Id, byte[] Body)[] chunks)
    {
        using var body = new MemoryStream();
        body.Write("WAVE"u8);
        foreach (var (id, data) in chunks)
        {
            body.Write(Encoding.ASCII.GetBytes(id));
            body.Write(Le32(data.Length));
            body.Write(data);
            if (data.Length % 2 == 1)
            {
                body.WriteByte(0);
            }
        }

        return [.. "RIFF"u8, .. Le32((int)body.Length), .. body.ToArray()];
    }

    private static byte[] WithSizes(byte[] file, uint riff, uint data)
    {
        var copy = (byte[])file.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(4), riff);
        var at = copy.AsSpan().IndexOf("data"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at + 4), data);
        return copy;
    }

    private static byte[] Le32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] ListInfo()
    {
        // INFO list with an odd-length INAM string, so the sub-chunk carries a pad byte too.
        byte[] name = [.. "Selamat datang"u8, 0, 0, 0];
        return [.. "INFO"u8, .. "INAM"u8, .. Le32(name.Length), .. name, 0, .. "ISFT"u8, .. Le32(4), .. "vika"u8];
    }

    private static byte[] ExtensibleFmt(ushort channels, int rate, ushort bits, uint mask)
    {
        var fmt = new byte[40];
        var align = (ushort)(channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), rate * align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), bits);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), bits);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), mask);
        byte[] pcmGuid = [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        pcmGuid.CopyTo(fmt, 24);
        return fmt;
    }
}
