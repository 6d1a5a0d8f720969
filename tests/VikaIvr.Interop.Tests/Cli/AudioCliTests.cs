using System.Globalization;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>`vika audio convert` and `vika dtmf detect` on WAV files generated here.</summary>
[Collection(InteropCollection.Name)]
public sealed class AudioCliTests
{
    [Fact]
    public async Task Convert_turns_44k_stereo_into_8k_mono_of_the_same_duration()
    {
        using var temp = new TempFolder();
        var left = TestWav.Tone(44100, 1.5, 8000, 440);
        var right = TestWav.Tone(44100, 1.5, 8000, 1000);
        var stereo = new short[left.Length * 2];
        for (var i = 0; i < left.Length; i++)
        {
            stereo[2 * i] = left[i];
            stereo[(2 * i) + 1] = right[i];
        }

        var input = temp.File("in.wav");
        var output = temp.File("out.wav");
        TestWav.Write(input, stereo, channels: 2, sampleRate: 44100);

        var result = await VikaCli.RunAsync("audio", "convert", input, output);

        Assert.True(result.ExitCode == 0, result.Describe());
        var (channels, rate, _, duration) = TestWav.Format(output);
        Assert.Equal(1, channels);
        Assert.Equal(8000, rate);
        Assert.InRange(duration.TotalSeconds, 1.49, 1.51);
        var (samples, _) = WavFile.Read(output);
        var rms = Math.Sqrt(samples.Average(s => (double)s * s));
        Assert.True(rms > 1000, FormattableString.Invariant($"the converted audio is near silence (RMS {rms:0})"));
    }

    [Theory]
    [InlineData("-r 48000 -c 6 -b 24", false)] // sox writes this WAVE_FORMAT_EXTENSIBLE
    [InlineData("-r 22050 -c 1 -b 16", true)] // to a pipe, as espeak-ng --stdout does: sizes 0x7FFFF000
    [InlineData("-r 8000 -c 1 -e mu-law", false)]
    public async Task Convert_takes_the_odd_wav_files_operators_bring(string format, bool piped)
    {
        using var temp = new TempFolder();
        var input = temp.File("in.wav");
        var output = temp.File("out.wav");
        await Sox(input, format, piped);

        var result = await VikaCli.RunAsync("audio", "convert", input, output, "--codec", "pcmu");

        Assert.True(result.ExitCode == 0, result.Describe());
        var (channels, rate, bits, duration) = TestWav.Format(output);
        Assert.Equal((1, 8000, 8), (channels, rate, bits));
        Assert.InRange(duration.TotalSeconds, 0.99, 1.01);
    }

    [Fact]
    public async Task Convert_refuses_a_cut_file_naming_it_and_the_cause()
    {
        using var temp = new TempFolder();
        var whole = temp.File("whole.wav");
        var cut = temp.File("cut.wav");
        await Sox(whole, "-r 16000 -c 1 -b 16", piped: false);
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var result = await VikaCli.RunAsync("audio", "convert", cut, temp.File("out.wav"));

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains($"{cut}: truncated data chunk (expected 32000 bytes, found ", result.StdErr);
        Assert.False(File.Exists(temp.File("out.wav")));
    }

    private static async Task Sox(string path, string format, bool piped)
    {
        var command = piped
            ? $"sox -D -n {format} -t wav - synth 1 sine 300-3000 vol 0.5 | cat > '{path}'"
            : $"sox -D -n {format} '{path}' synth 1 sine 300-3000 vol 0.5";
        var result = await ProcessRunner.RunAsync("sh", ["-c", command], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Fact]
    public async Task Dtmf_detect_prints_each_tone_digit_with_its_start_time()
    {
        using var temp = new TempFolder();
        var signal = new List<short>();
        var starts = new List<(char Digit, double Start)>();
        foreach (var (digit, low, high) in new[] { ('1', 697.0, 1209.0), ('5', 770.0, 1336.0), ('#', 941.0, 1477.0) })
        {
            signal.AddRange(new short[1600]);
            starts.Add((digit, signal.Count / 8000.0));
            signal.AddRange(TestWav.Tone(8000, 0.12, 6000, low, high));
        }

        signal.AddRange(new short[1600]);
        var file = temp.File("tones.wav");
        TestWav.Write(file, [.. signal], channels: 1, sampleRate: 8000);

        var result = await VikaCli.RunAsync("dtmf", "detect", file);

        Assert.True(result.ExitCode == 0, result.Describe());
        var found = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.True(found.Count == starts.Count, $"expected digits 1 5 # with start times, got:\n{result.Describe()}");
        for (var i = 0; i < starts.Count; i++)
        {
            Assert.Equal(starts[i].Digit.ToString(), found[i][1]);
            var start = double.Parse(found[i][0], CultureInfo.InvariantCulture);
            Assert.InRange(start, starts[i].Start - 0.03, starts[i].Start + 0.05);
        }
    }
}
