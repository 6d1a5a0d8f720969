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

        var result = await VikaCli.RunAsync("prompts", "import", "welcome", recording, "--prompts", prompts);

        Assert.True(result.ExitCode == 0, result.Describe());
        var history = Path.Combine(prompts, "history", "welcome");
        Assert.True(Directory.Exists(history), $"no {history}\n{result.Describe()}");
        var kept = Directory.GetFiles(history, "*.wav");
        Assert.Contains(kept, f => File.ReadAllBytes(f).AsSpan().SequenceEqual(old));
        Assert.False(File.ReadAllBytes(Welcome(prompts)).AsSpan().SequenceEqual(old), "the prompt was not replaced");
        Assert.InRange(TestWav.Format(Welcome(prompts)).Duration.TotalSeconds, 1.15, 1.25);
    }

    private static string Welcome(string prompts) =>
        Directory.GetFiles(prompts, "welcome.wav", SearchOption.AllDirectories)
            .Single(f => !f.Contains(Path.DirectorySeparatorChar + "history" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
