using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>`vika prompts check` and `vika prompts import`, always on a temporary copy of prompts/.</summary>
[Collection(InteropCollection.Name)]
public sealed class PromptsCliTests
{
    private static string ShippedPrompts => Path.Combine(RepoPaths.Root, "prompts");

    [Fact]
    public async Task Check_passes_on_the_shipped_prompts()
    {
        using var temp = new TempFolder();
        var prompts = temp.CopyOf(ShippedPrompts, "prompts");

        var result = await VikaCli.RunAsync("prompts", "check", "--prompts", prompts);

        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Fact]
    public async Task Check_fails_when_a_prompt_the_flow_plays_is_silence()
    {
        using var temp = new TempFolder();
        var prompts = temp.CopyOf(ShippedPrompts, "prompts");
        TestWav.Write(Welcome(prompts), new short[3 * 8000], channels: 1, sampleRate: 8000);

        var result = await VikaCli.RunAsync("prompts", "check", "--prompts", prompts);

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains("welcome", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_keeps_the_previous_version_in_history()
    {
        using var temp = new TempFolder();
        var prompts = temp.CopyOf(ShippedPrompts, "prompts");
        var old = await File.ReadAllBytesAsync(Welcome(prompts));
        var recording = temp.File("new-welcome.wav");
        TestWav.Write(recording, TestWav.Tone(16000, 1.2, 6000, 440, 660), channels: 1, sampleRate: 16000);

        var result = await VikaCli.RunAsync("prompts", "import", "welcome", recording, "--prompts", prompts, "--data", temp.File("data"));

        Assert.True(result.ExitCode == 0, result.Describe());
        var history = Path.Combine(prompts, "history", "welcome");
        Assert.True(Directory.Exists(history), $"no {history}\n{result.Describe()}");
        var kept = Directory.GetFiles(history, "*.wav");
        Assert.Contains(kept, f => File.ReadAllBytes(f).AsSpan().SequenceEqual(old));
        Assert.False(File.ReadAllBytes(Welcome(prompts)).AsSpan().SequenceEqual(old), "the prompt was not replaced");
        Assert.InRange(TestWav.Format(Welcome(prompts)).Duration.TotalSeconds, 1.15, 1.25);
    }

    [Fact]
    public async Task Import_takes_a_24_bit_extensible_studio_file_and_writes_an_8k_prompt()
    {
        using var temp = new TempFolder();
        var prompts = temp.CopyOf(ShippedPrompts, "prompts");
        var recording = temp.File("studio.wav");
        var sox = await ProcessRunner.RunAsync(
            "sox", ["-D", "-n", "-r", "48000", "-c", "2", "-b", "24", recording, "synth", "1.5", "sine", "300-3000", "vol", "0.5"], TimeSpan.FromSeconds(60));
        Assert.True(sox.ExitCode == 0, sox.Describe());
        Assert.Equal(0xFFFE, BitConverter.ToUInt16(File.ReadAllBytes(recording), 20)); // WAVE_FORMAT_EXTENSIBLE

        var result = await VikaCli.RunAsync("prompts", "import", "welcome", recording, "--prompts", prompts, "--data", temp.File("data"));

        Assert.True(result.ExitCode == 0, result.Describe());
        var (channels, rate, bits, duration) = TestWav.Format(Welcome(prompts));
        Assert.Equal((1, 8000, 16), (channels, rate, bits));
        Assert.InRange(duration.TotalSeconds, 1.45, 1.55);
    }

    [Fact]
    public async Task Import_refuses_a_renamed_mp3_naming_the_file()
    {
        using var temp = new TempFolder();
        var prompts = temp.CopyOf(ShippedPrompts, "prompts");
        var old = await File.ReadAllBytesAsync(Welcome(prompts));
        var mp3 = temp.File("welcome.wav");
        await File.WriteAllBytesAsync(mp3, [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, .. new byte[400]]);

        var result = await VikaCli.RunAsync("prompts", "import", "welcome", mp3, "--prompts", prompts, "--data", temp.File("data"));

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains($"{mp3}: not a RIFF/WAVE file (found 'ID3?')", result.StdErr, StringComparison.Ordinal);
        Assert.True(File.ReadAllBytes(Welcome(prompts)).AsSpan().SequenceEqual(old), "the prompt was replaced by a broken file");
    }

    private static string Welcome(string prompts) =>
        Directory.GetFiles(prompts, "welcome.wav", SearchOption.AllDirectories)
            .Single(f => !f.Contains(Path.DirectorySeparatorChar + "history" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
