using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Audio;
using VikaIvr.Server.Hosting;
using VikaIvr.Speech.Prompts;
using VikaIvr.Speech.Text;

namespace VikaIvr.Server.Tests;

/// <summary>A phone recording is saved in the folder and handed over, as saved, for the shared database; another node's version is applied with history.</summary>
public sealed class LibraryPromptRecorderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("vika-recorder-tests-").FullName;

    public LibraryPromptRecorderTests()
    {
        File.WriteAllText(Path.Combine(_root, PromptManifest.FileName), """
            language: id
            prompts:
              - id: welcome
                number: 1
                file: welcome.wav
                text: Selamat datang
            """);
    }

    [Fact]
    public void A_saved_recording_is_handed_over_with_the_bytes_of_the_file_saved()
    {
        var recorder = Recorder();
        recorder.Save("welcome", Tone());

        Assert.True(recorder.Made.TryRead(out var made));
        Assert.Equal("welcome", made.PromptId);
        Assert.Equal("phone", made.Source);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "id", "welcome.wav")), made.Wav);
        Assert.False(recorder.Made.TryRead(out _));
    }

    [Fact]
    public void Another_nodes_version_is_applied_keeping_the_old_one_and_is_not_handed_over_again()
    {
        var recorder = Recorder();
        recorder.Save("welcome", Tone());
        Assert.True(recorder.Made.TryRead(out var first));

        Assert.True(recorder.Apply("welcome", first.Wav, "phone (node node-a)", 1));
        Assert.False(recorder.Apply("not-in-manifest", first.Wav, "phone", 1));

        Assert.Single(Directory.GetFiles(Path.Combine(_root, "history", "welcome"), "*.wav"));
        Assert.Equal(8000, WavReader.Read(Path.Combine(_root, "id", "welcome.wav")).SampleRate);
        Assert.False(recorder.Made.TryRead(out _));
    }

    [Fact]
    public void Another_nodes_placeholder_stays_a_placeholder_and_a_written_phone_recording_gets_its_version_number()
    {
        var recorder = Recorder();
        recorder.Save("welcome", Tone());
        Assert.True(recorder.Made.TryRead(out var made));
        string path = Path.Combine(_root, "id", "welcome.wav");

        recorder.MarkStored("welcome", [1, 2, 3], 9); // not the file in place: left alone
        Assert.Null(PromptMetadata.TryRead(path)!.Version);
        recorder.MarkStored("welcome", made.Wav, 5);
        Assert.Equal((5, PromptStatus.Recorded), (PromptMetadata.TryRead(path)!.Version, PromptMetadata.TryRead(path)!.Status));

        Assert.True(recorder.Apply("welcome", made.Wav, "placeholder (node node-b)", 6));
        var applied = PromptMetadata.TryRead(path)!;
        Assert.Equal((6, PromptStatus.Synthesized), (applied.Version, applied.Status));
        Assert.Equal(made.Wav, File.ReadAllBytes(path)); // stored as it came, not normalised again
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private LibraryPromptRecorder Recorder() =>
        new(new PromptLibrary(_root, null, new IndonesianNormalizer(), TimeProvider.System, NullLogger<PromptLibrary>.Instance), TimeProvider.System);

    private static short[] Tone()
    {
        var samples = new short[4000];
        for (int i = 0; i < samples.Length; i++) samples[i] = (short)(6000 * Math.Sin(2 * Math.PI * 500 * i / 8000));
        return samples;
    }
}
