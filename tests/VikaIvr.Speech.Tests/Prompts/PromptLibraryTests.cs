using VikaIvr.Media.Audio;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Speech.Tests.Prompts;

public class PromptLibraryTests
{
    [Fact]
    public async Task Synth_makes_placeholders_and_list_reports_them()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        Assert.All(library.List(), i => Assert.Equal(PromptStatus.Missing, i.Status));

        var made = await library.SynthesizeAsync(missingOnly: false, CancellationToken.None);
        Assert.Equal(3, made.Count);
        Assert.Contains("Selamat datang di Care Center seratus enam puluh lima.", fx.Engine.Texts); // normalised
        var list = library.List();
        Assert.All(list, i => Assert.Equal(PromptStatus.Synthesized, i.Status));
        Assert.True(File.Exists(Path.Combine(fx.Root, "id", "bye.wav")));
        Assert.InRange(list.Single(i => i.Id == "beep").Levels!.Duration.TotalMilliseconds, 250, 350);
    }

    [Fact]
    public async Task Synth_missing_leaves_existing_prompts_alone_and_never_replaces_recordings()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        WavWriter.Write(fx.Source("rec.wav"), PromptFixture.Speechy(8000, 1), 8000);
        library.Import("welcome", fx.Source("rec.wav"));

        await library.SynthesizeAsync(missingOnly: true, CancellationToken.None);
        Assert.Equal(PromptStatus.Recorded, library.Describe("welcome").Status);
        Assert.Equal(1, fx.Engine.Calls); // only goodbye (the beep is a tone)

        await library.SynthesizeAsync(missingOnly: false, CancellationToken.None);
        Assert.Equal(PromptStatus.Recorded, library.Describe("welcome").Status);
        Assert.Equal(2, fx.Engine.Calls); // goodbye again, never welcome
        Assert.Single(Directory.GetFiles(library.HistoryDirectory("goodbye"), "*.wav"));
    }

    [Fact]
    public void Import_of_44_khz_stereo_converts_normalises_and_keeps_history()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        var tone = PromptFixture.Speechy(44100, 2.0, 0.05);
        PromptFixture.WriteStereoPcm16(fx.Source("stereo.wav"), tone, tone, 44100);
        WavWriter.Write(fx.Source("first.wav"), PromptFixture.Speechy(8000, 1), 8000);

        library.Import("welcome", fx.Source("first.wav"));
        fx.Time.Advance(TimeSpan.FromMinutes(1));
        var info = library.Import("welcome", fx.Source("stereo.wav"));

        Assert.Equal(PromptStatus.Recorded, info.Status);
        var (format, frames) = WavReader.ReadInfo(File.ReadAllBytes(info.AudioPath), info.AudioPath);
        Assert.Equal((8000, 1, 16), (format.SampleRate, format.Channels, format.BitsPerSample));
        Assert.InRange(frames, 15900, 16100); // 2 s at 8 kHz: same length, so same speed and pitch
        Assert.InRange(info.Levels!.ActiveLevelDbfs, -21, -19); // normalised from a quiet source

        var history = Directory.GetFiles(library.HistoryDirectory("welcome"), "*.wav");
        var kept = Assert.Single(history);
        Assert.Equal("20261123T100000Z.wav", Path.GetFileName(kept));
        Assert.Equal(8000, WavReader.ReadInfo(File.ReadAllBytes(kept), kept).Frames); // the first version, intact
        Assert.Equal("import:stereo.wav", PromptMetadata.TryRead(info.AudioPath)!.Source);
    }

    [Fact]
    public void Import_of_16_bit_16_khz_keeps_every_version()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        WavWriter.Write(fx.Source("wide.wav"), PromptFixture.Speechy(16000, 1.5), 16000);

        library.Import("goodbye", fx.Source("wide.wav"));
        library.Import("goodbye", fx.Source("wide.wav")); // same second: the history name must not collide
        library.Import("goodbye", fx.Source("wide.wav"));

        var info = library.Describe("goodbye");
        Assert.InRange(info.Levels!.Duration.TotalSeconds, 1.49, 1.51);
        Assert.Equal(2, Directory.GetFiles(library.HistoryDirectory("goodbye"), "*.wav").Length);
        Assert.Equal(2, Directory.GetFiles(library.HistoryDirectory("goodbye"), "*.wav.json").Length);
    }

    [Fact]
    public void Import_of_an_unknown_prompt_is_refused()
    {
        using var fx = new PromptFixture();
        WavWriter.Write(fx.Source("x.wav"), PromptFixture.Speechy(8000, 1), 8000);
        Assert.Throws<KeyNotFoundException>(() => fx.Library().Import("nope", fx.Source("x.wav")));
    }

    [Fact]
    public void Phone_recording_becomes_a_recorded_version()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        var samples = SampleConvert.ToPcm16(PromptFixture.Speechy(8000, 1, 0.02));
        var info = library.SaveRecording("welcome", samples);
        Assert.Equal(PromptStatus.Recorded, info.Status);
        Assert.Equal("phone", PromptMetadata.TryRead(info.AudioPath)!.Source);
        Assert.InRange(info.Levels!.ActiveLevelDbfs, -21, -19);
    }

    [Fact]
    public async Task Check_catches_silent_clipped_missing_and_unknown_prompts()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        await library.SynthesizeAsync(false, CancellationToken.None);
        Assert.Empty(library.Check(["welcome", "goodbye", "beep"]));

        // Silent welcome, clipped goodbye (a full-scale square wave), beep removed.
        WavWriter.Write(Path.Combine(fx.Root, "id", "welcome.wav"), new short[8000], 8000);
        var clipped = new short[8000];
        for (var i = 0; i < clipped.Length; i++) clipped[i] = (i / 20) % 2 == 0 ? short.MaxValue : short.MinValue;
        WavWriter.Write(Path.Combine(fx.Root, "id", "bye.wav"), clipped, 8000);
        File.Delete(Path.Combine(fx.Root, "id", "beep.wav"));

        var problems = library.Check(["welcome", "enter-id"]);
        Assert.Contains(problems, p => p is { PromptId: "welcome", Kind: PromptProblemKind.Silent });
        Assert.Contains(problems, p => p is { PromptId: "goodbye", Kind: PromptProblemKind.Clipped });
        Assert.Contains(problems, p => p is { PromptId: "beep", Kind: PromptProblemKind.Missing });
        Assert.Contains(problems, p => p is { PromptId: "enter-id", Kind: PromptProblemKind.NotInManifest });
    }

    [Fact]
    public void Check_catches_too_quiet_too_long_and_unreadable()
    {
        using var fx = new PromptFixture();
        var library = fx.Library();
        WavWriter.Write(Path.Combine(fx.Root, "id", "welcome.wav"), PromptFixture.Speechy(8000, 1, 0.005), 8000);
        WavWriter.Write(Path.Combine(fx.Root, "id", "bye.wav"), PromptFixture.Speechy(8000, 61, 0.1), 8000);
        File.WriteAllText(Path.Combine(fx.Root, "id", "beep.wav"), "not audio");

        var problems = library.Check();
        Assert.Contains(problems, p => p is { PromptId: "welcome", Kind: PromptProblemKind.TooQuiet });
        Assert.Contains(problems, p => p is { PromptId: "goodbye", Kind: PromptProblemKind.TooLong });
        Assert.Contains(problems, p => p is { PromptId: "beep", Kind: PromptProblemKind.Unreadable });
    }
}
