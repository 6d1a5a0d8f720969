namespace VikaIvr.Interop.Tests.Harness;

/// <summary>Checks that audio a client received is the shipped welcome prompt (correlated, after G.711).</summary>
public static class WelcomePrompt
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "prompts", "id", "welcome.wav");

    /// <summary>Asserts the decoded audio in <paramref name="receivedWav"/> carries the prompt's first voiced 2 s.</summary>
    public static void AssertHeardIn(string receivedWav)
    {
        Assert.True(File.Exists(Path), $"the welcome prompt is missing: {Path}");
        var (prompt, promptRate) = WavFile.Read(Path);
        Assert.Equal(8000, promptRate);
        var (heard, heardRate) = WavFile.Read(receivedWav);
        Assert.Equal(8000, heardRate);
        var (peak, lag) = Match(heard);
        Assert.True(peak > 0.8, $"correlation {peak:0.000} at lag {lag} samples; heard {heard.Length} samples");
    }

    /// <summary>The best correlation of the prompt's first voiced 2 s with <paramref name="heard"/> (8 kHz), and where.</summary>
    public static (double Peak, int Lag) Match(short[] heard)
    {
        var (prompt, _) = WavFile.Read(Path);
        var reference = G711.MuLawRoundTrip(FirstVoiced(prompt, seconds: 2));
        return AudioCorrelation.BestMatch(reference, heard, maxLag: 8000 * 2);
    }

    /// <summary>The first <paramref name="seconds"/> of the prompt after its leading silence.</summary>
    public static short[] FirstVoiced(short[] prompt, int seconds)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var start = 0;
        while (start < prompt.Length && Math.Abs((int)prompt[start]) < 300)
        {
            start++;
        }

        var length = Math.Min(8000 * seconds, prompt.Length - start);
        Assert.True(length > 4000, "the welcome prompt is (almost) silent");
        return prompt.AsSpan(start, length).ToArray();
    }
}
