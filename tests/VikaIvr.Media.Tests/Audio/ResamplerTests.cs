using VikaIvr.Media.Audio;

namespace VikaIvr.Media.Tests.Audio;

public sealed class ResamplerTests
{
    public static TheoryData<int, double> PassbandCases()
    {
        var data = new TheoryData<int, double>();
        foreach (var rate in new[] { 11025, 16000, 22050, 24000, 32000, 44100, 48000 })
        {
            foreach (var frequency in new[] { 300.0, 1000.0, 2500.0, 3400.0 })
            {
                data.Add(rate, frequency);
            }
        }

        return data;
    }

    public static TheoryData<int, double> StopbandCases()
    {
        var data = new TheoryData<int, double>();
        foreach (var rate in new[] { 11025, 16000, 22050, 44100, 48000 })
        {
            foreach (var frequency in new[] { 4000.0, 4500.0, 6000.0, 7900.0, 10000.0 })
            {
                if (frequency < rate / 2.0)
                {
                    data.Add(rate, frequency);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PassbandCases))]
    public void Passband_tones_keep_their_level_within_half_a_dB(int inputRate, double frequency)
    {
        var input = TestSignals.Sine(frequency, inputRate, inputRate, amplitude: 0.5);
        var output = new Resampler(inputRate, 8000).Process(input);

        var level = TestSignals.Rms(output.AsSpan(800, 6400)) / TestSignals.Rms(input);
        Assert.InRange(TestSignals.Db(level), -0.5, 0.5);
    }

    [Theory]
    [MemberData(nameof(StopbandCases))]
    public void Tones_above_4kHz_are_rejected_by_at_least_60_dB(int inputRate, double frequency)
    {
        var input = TestSignals.Sine(frequency, inputRate, inputRate, amplitude: 0.5);
        var output = new Resampler(inputRate, 8000).Process(input);

        var level = TestSignals.Rms(output.AsSpan(800, 6400)) / TestSignals.Rms(input);
        Assert.True(TestSignals.Db(level) <= -60, $"{frequency} Hz from {inputRate} Hz: {TestSignals.Db(level):0.0} dB");
    }

    [Theory]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(16000)]
    [InlineData(48000)]
    [InlineData(11025)]
    public void One_second_in_is_one_second_out_and_pitch_is_kept(int inputRate)
    {
        var input = TestSignals.Sine(1000, inputRate, inputRate);
        var output = new Resampler(inputRate, 8000).Process(input);

        Assert.Equal(8000, output.Length);
        var frequency = TestSignals.ZeroCrossingFrequency(output.AsSpan(400, 7200), 8000);
        Assert.InRange(frequency, 999.5, 1000.5);
    }

    [Fact]
    public void Upsampling_8k_to_22050_keeps_level_and_pitch()
    {
        var input = TestSignals.Sine(1000, 8000, 8000);
        var output = new Resampler(8000, 22050).Process(input);

        Assert.Equal(22050, output.Length);
        Assert.InRange(TestSignals.Db(TestSignals.Rms(output.AsSpan(2000, 18000)) / TestSignals.Rms(input)), -0.1, 0.1);
        Assert.InRange(TestSignals.ZeroCrossingFrequency(output.AsSpan(2000, 18000), 22050), 999.5, 1000.5);
    }

    [Fact]
    public void An_awkward_ratio_uses_interpolated_phases_and_stays_accurate()
    {
        // 7993 and 8000 are coprime, so the exact ratio needs 8000 phases; we store fewer.
        var input = TestSignals.Sine(1000, 7993, 7993);
        var output = new Resampler(7993, 8000).Process(input);

        Assert.Equal(8000, output.Length);
        Assert.InRange(TestSignals.Db(TestSignals.Rms(output.AsSpan(800, 6400)) / TestSignals.Rms(input)), -0.2, 0.2);
        Assert.InRange(TestSignals.ZeroCrossingFrequency(output.AsSpan(800, 6400), 8000), 999.5, 1000.5);
    }

    [Fact]
    public void Same_rate_is_a_copy()
    {
        var input = TestSignals.Sine(440, 8000, 100);
        Assert.Equal(input, new Resampler(8000, 8000).Process(input));
    }

    [Fact]
    public void Short_overload_converts_and_rounds()
    {
        var input = new short[22050];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (short)(10000 * Math.Sin(2 * Math.PI * 1000 * i / 22050.0));
        }

        var output = Resampler.Resample(input, 22050, 8000);

        Assert.Equal(8000, output.Length);
        var peak = 0;
        for (var i = 100; i < 7900; i++)
        {
            peak = Math.Max(peak, Math.Abs((int)output[i]));
        }

        Assert.InRange(peak, 9800, 10100);
    }
}
