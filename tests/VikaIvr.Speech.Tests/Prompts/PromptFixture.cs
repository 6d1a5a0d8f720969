using System.Buffers.Binary;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Media.Audio;
using VikaIvr.Speech.Prompts;
using VikaIvr.Speech.Text;

namespace VikaIvr.Speech.Tests.Prompts;

/// <summary>A small prompts folder in a temp directory, with helpers to make test audio.</summary>
internal sealed class PromptFixture : IDisposable
{
    public const string Manifest = """
        language: id
        prompts:
          - id: welcome
            number: 1
            text: Selamat datang di Care Center 165.
          - id: goodbye
            number: 2
            file: bye.wav
            text: Terima kasih.
          - id: beep
            kind: tone
        """;

    private readonly TempDirectory _dir = new();

    public PromptFixture()
    {
        File.WriteAllText(Path.Combine(Root, PromptManifest.FileName), Manifest);
        Directory.CreateDirectory(Path.Combine(Root, "id"));
    }

    public string Root => _dir.Path;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public FakeSpeechEngine Engine { get; } = new();

    public PromptLibrary Library() =>
        new(Root, Engine, new IndonesianNormalizer(), Time, NullLogger<PromptLibrary>.Instance);

    public FilePromptStore Store(TimeSpan? interval = null) =>
        FilePromptStore.Open(Root, Time, NullLogger<FilePromptStore>.Instance, interval);

    public string Source(string name) => Path.Combine(Root, name);

    /// <summary>A speech-like signal: a 300 Hz tone whose loudness rises and falls.</summary>
    public static float[] Speechy(int sampleRate, double seconds, double amplitude = 0.3)
    {
        var samples = new float[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / (double)sampleRate;
            samples[i] = (float)(amplitude * Math.Abs(Math.Sin(Math.PI * t * 3)) * Math.Sin(2 * Math.PI * 300 * t));
        }

        return samples;
    }

    /// <summary>Writes a 16-bit PCM stereo WAV by hand: the media writer makes only mono files.</summary>
    public static void WriteStereoPcm16(string path, float[] left, float[] right, int sampleRate)
    {
        var frames = left.Length;
        var data = new byte[frames * 4];
        for (var i = 0; i < frames; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 4), SampleConvert.ToPcm16(left[i]));
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 4 + 2), SampleConvert.ToPcm16(right[i]));
        }

        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + data.Length);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 2);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), sampleRate * 4);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 4);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), data.Length);
        File.WriteAllBytes(path, [.. header, .. data]);
    }

    public void Dispose() => _dir.Dispose();
}
