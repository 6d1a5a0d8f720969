using VikaIvr.Media.Audio;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Speech.Tests.Prompts;

/// <summary>The one rule for an operator's file: any WAV the reader takes, within size and length, not silent.</summary>
public sealed class PromptAudioImportTests
{
    private static readonly PromptImportLimits Limits = new();

    [Fact]
    public void A_44k_stereo_studio_file_becomes_an_8k_normalised_prompt_written_as_the_library_writes_it()
    {
        using var fx = new PromptFixture();
        var speech = PromptFixture.Speechy(44100, 1.5, amplitude: 0.05);
        PromptFixture.WriteStereoPcm16(fx.Source("studio.wav"), speech, speech, 44100);

        var prepared = PromptAudioImport.Prepare(File.ReadAllBytes(fx.Source("studio.wav")), "studio.wav", Limits, new LoudnessOptions());

        Assert.InRange(prepared.Samples.Length, 11990, 12010);
        var levels = AudioLevels.Measure(prepared.Samples, 8000);
        Assert.InRange(levels.ActiveLevelDbfs, -21.5, -18.5); // brought up to the -20 dBFS target
        Assert.True(prepared.SourceLevels.ActiveLevelDbfs < -30, "the source's own levels are reported");
        var library = fx.Library();
        library.SaveVersion("welcome", prepared.Samples, new PromptMetadata { Status = PromptStatus.Recorded, Version = 4 });
        Assert.Equal(File.ReadAllBytes(Path.Combine(fx.Root, "id", "welcome.wav")), prepared.ToWav());
        Assert.Equal(4, PromptMetadata.TryRead(Path.Combine(fx.Root, "id", "welcome.wav"))?.Version);
    }

    [Fact]
    public void A_file_that_is_no_wav_is_refused_with_the_readers_reason()
    {
        byte[] mp3 = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, .. new byte[400]];
        var ex = Assert.Throws<PromptAudioRejectedException>(() => PromptAudioImport.Prepare(mp3, "song.wav", Limits, new LoudnessOptions()));
        Assert.Equal(PromptAudioRejection.NotWav, ex.Rejection);
        Assert.Equal("song.wav: not a RIFF/WAVE file (found 'ID3?')", ex.Message);
    }

    [Fact]
    public void A_silent_or_empty_file_is_refused()
    {
        var silent = WavWriter.ToBytes(new short[8000], 8000);
        var ex = Assert.Throws<PromptAudioRejectedException>(() => PromptAudioImport.Prepare(silent, "quiet.wav", Limits, new LoudnessOptions()));
        Assert.Equal(PromptAudioRejection.Silent, ex.Rejection);
        Assert.Contains("silent", ex.Message, StringComparison.Ordinal);

        var empty = WavWriter.ToBytes(ReadOnlySpan<short>.Empty, 8000);
        Assert.Equal(PromptAudioRejection.Silent,
            Assert.Throws<PromptAudioRejectedException>(() => PromptAudioImport.Prepare(empty, "empty.wav", Limits, new LoudnessOptions())).Rejection);
    }

    [Fact]
    public void A_file_longer_than_the_limit_is_refused_from_its_header()
    {
        var limits = new PromptImportLimits { MaxDuration = TimeSpan.FromSeconds(2) };
        var tone = WavWriter.ToBytes(PromptFixture.Speechy(8000, 2.5), 8000);
        var ex = Assert.Throws<PromptAudioRejectedException>(() => PromptAudioImport.Prepare(tone, "long.wav", limits, new LoudnessOptions()));
        Assert.Equal(PromptAudioRejection.TooLong, ex.Rejection);
        Assert.Equal("long.wav: too long (2.5 s; a prompt may last at most 2 s)", ex.Message);
        Assert.Equal(TimeSpan.FromSeconds(60), Limits.MaxDuration);
    }

    [Fact]
    public void A_file_bigger_than_the_limit_is_refused_by_its_size_alone()
    {
        var limits = new PromptImportLimits { MaxBytes = 1000 };
        var ex = Assert.Throws<PromptAudioRejectedException>(() => PromptAudioImport.CheckSize(2 * 1048576, "big.wav", limits));
        Assert.Equal(PromptAudioRejection.TooBig, ex.Rejection);
        Assert.StartsWith("big.wav: too big (2.0 MiB", ex.Message, StringComparison.Ordinal);
        Assert.Throws<PromptAudioRejectedException>(() => PromptAudioImport.Prepare(new byte[1001], "big.wav", limits, new LoudnessOptions()));
        PromptAudioImport.CheckSize(PromptImportLimits.DefaultMaxBytes, "ok.wav", Limits);
    }

    [Fact]
    public void The_library_import_refuses_a_silent_file_and_keeps_the_prompt()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        WavWriter.Write(fx.Source("v1.wav"), PromptFixture.Speechy(8000, 1), 8000);
        WavWriter.Write(fx.Source("silent.wav"), new short[8000], 8000);
        library.Import("welcome", fx.Source("v1.wav"));
        var before = File.ReadAllBytes(Path.Combine(fx.Root, "id", "welcome.wav"));

        Assert.Throws<PromptAudioRejectedException>(() => library.Import("welcome", fx.Source("silent.wav")));

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(fx.Root, "id", "welcome.wav")));
    }
}
