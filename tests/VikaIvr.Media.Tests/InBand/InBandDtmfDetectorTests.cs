using VikaIvr.Media.Dtmf.InBand;

namespace VikaIvr.Media.Tests.InBand;

public sealed class InBandDtmfDetectorTests
{
    private static string Digits(short[] samples) => InBandDtmf.DetectDigits(samples);

    public static TheoryData<char> AllDigits()
    {
        var data = new TheoryData<char>();
        foreach (var d in DtmfTones.Digits)
        {
            data.Add(d);
        }

        return data;
    }

    [Fact]
    public void All_sixteen_digits_in_sequence()
    {
        var samples = DtmfToneGenerator.GenerateSequence("0123456789*#ABCD", TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(60));
        Assert.Equal("0123456789*#ABCD", Digits(samples));
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void Frequencies_within_1_5_percent_are_detected(char digit)
    {
        foreach (var (low, high) in new[] { (1.015, 1.015), (0.985, 0.985), (1.015, 0.985), (0.985, 1.015), (1.0, 1.015), (0.985, 1.0) })
        {
            var samples = new DtmfSignals().Silence(30).Tone(digit, 60, lowScale: low, highScale: high).Silence(30).Build();
            Assert.True(Digits(samples) == digit.ToString(), $"{digit} with low ×{low}, high ×{high}");
        }
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void Frequencies_beyond_3_5_percent_are_rejected(char digit)
    {
        foreach (var (low, high) in new[] { (1.035, 1.0), (0.965, 1.0), (1.0, 1.035), (1.0, 0.965), (1.05, 1.05), (0.95, 0.95) })
        {
            var samples = new DtmfSignals().Silence(30).Tone(digit, 100, lowScale: low, highScale: high).Silence(30).Build();
            Assert.True(Digits(samples) == string.Empty, $"{digit} with low ×{low}, high ×{high} gave '{Digits(samples)}'");
        }
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void Twist_of_plus_4_and_minus_8_dB_is_accepted(char digit)
    {
        foreach (var twist in new[] { 4.0, -8.0 })
        {
            foreach (var (low, high) in new[] { (1.0, 1.0), (1.015, 1.015), (0.985, 0.985), (1.015, 0.985), (0.985, 1.015) })
            {
                var samples = new DtmfSignals().Silence(30).Tone(digit, 60, levelDbfs: -12, twistDb: twist, lowScale: low, highScale: high).Silence(30).Build();
                Assert.True(Digits(samples) == digit.ToString(), $"{digit} with twist {twist} dB, low ×{low}, high ×{high}");
            }
        }
    }

    [Fact]
    public void Extreme_twist_is_rejected()
    {
        Assert.Equal(string.Empty, Digits(new DtmfSignals().Tone('5', 100, levelDbfs: -8, twistDb: -20).Build()));
        Assert.Equal(string.Empty, Digits(new DtmfSignals().Tone('5', 100, levelDbfs: -20, twistDb: 12).Build()));
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void Forty_ms_tones_are_detected_at_every_alignment(char digit)
    {
        for (var shift = 0; shift < 102; shift += 7)
        {
            var samples = new DtmfSignals().Silence(20, shift).Tone(digit, 40).Silence(40).Build();
            Assert.True(Digits(samples) == digit.ToString(), $"{digit} shifted by {shift} samples");
        }
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void Twenty_ms_tones_are_rejected_at_every_alignment(char digit)
    {
        for (var shift = 0; shift < 102; shift += 3)
        {
            var samples = new DtmfSignals().Silence(20, shift).Tone(digit, 20).Silence(40).Build();
            Assert.True(Digits(samples) == string.Empty, $"{digit} shifted by {shift} samples");
        }
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void Tones_26_dB_below_full_level_are_detected(char digit)
    {
        var samples = new DtmfSignals().Silence(30).Tone(digit, 50, levelDbfs: DtmfSignals.MaxToneLevelDbfs - 26).Silence(30).Build();
        Assert.Equal(digit.ToString(), Digits(samples));

        var loud = new DtmfSignals().Silence(30).Tone(digit, 50, levelDbfs: DtmfSignals.MaxToneLevelDbfs).Silence(30).Build();
        Assert.Equal(digit.ToString(), Digits(loud));
    }

    [Fact]
    public void Tones_far_below_the_threshold_are_ignored()
    {
        Assert.Equal(string.Empty, Digits(new DtmfSignals().Tone('1', 100, levelDbfs: -55).Build()));
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void Detected_at_15_dB_signal_to_noise(char digit)
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            const double Level = -16;
            var noiseRms = DtmfSignals.PairRms(Level) / Math.Pow(10, 15 / 20.0);
            var samples = new DtmfSignals().Silence(50).Tone(digit, 50, levelDbfs: Level).Silence(50).Noise(noiseRms, seed * 31 + digit).Build();
            Assert.True(Digits(samples) == digit.ToString(), $"{digit}, noise seed {seed}: '{Digits(samples)}'");
        }
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void Twist_offsets_and_15_dB_noise_together(char digit)
    {
        foreach (var twist in new[] { 4.0, -8.0 })
        {
            foreach (var (low, high) in new[] { (1.015, 1.015), (0.985, 0.985), (1.015, 0.985), (0.985, 1.015) })
            {
                var noiseRms = DtmfSignals.PairRms(-14, twist) / Math.Pow(10, 15 / 20.0);
                var samples = new DtmfSignals().Silence(50).Tone(digit, 60, levelDbfs: -14, twistDb: twist, lowScale: low, highScale: high)
                    .Silence(50).Noise(noiseRms, digit + (int)(twist * 100) + (int)(low * 1000)).Build();
                Assert.True(Digits(samples) == digit.ToString(), $"{digit}, twist {twist} dB, low ×{low}, high ×{high}: '{Digits(samples)}'");
            }
        }
    }

    [Fact]
    public void Noise_alone_gives_no_digits()
    {
        var samples = new DtmfSignals().Silence(10_000).Noise(3000, 7).Build();
        Assert.Equal(string.Empty, Digits(samples));
    }

    [Theory]
    [MemberData(nameof(AllDigits))]
    public void A_10_ms_dropout_does_not_make_two_digits(char digit)
    {
        for (var shift = 0; shift < 102; shift += 11)
        {
            var samples = new DtmfSignals().Silence(20, shift).Tone(digit, 60).Silence(10).Tone(digit, 60).Silence(50).Build();
            Assert.True(Digits(samples) == digit.ToString(), $"{digit} shifted by {shift}: '{Digits(samples)}'");
        }
    }

    [Fact]
    public void A_40_ms_pause_separates_two_presses_of_the_same_key()
    {
        for (var shift = 0; shift < 102; shift += 13)
        {
            var samples = new DtmfSignals().Silence(20, shift).Tone('7', 50).Silence(40).Tone('7', 50).Silence(50).Build();
            Assert.Equal("77", Digits(samples));
        }
    }

    [Fact]
    public void A_key_change_without_a_pause_gives_both_digits()
    {
        var samples = new DtmfSignals().Silence(20).Tone('1', 80).Tone('2', 80).Silence(50).Build();
        Assert.Equal("12", Digits(samples));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Low_level_digits_survive_g711_coding(bool muLaw)
    {
        var samples = DtmfToneGenerator.GenerateSequence(DtmfTones.Digits, TimeSpan.FromMilliseconds(45), TimeSpan.FromMilliseconds(45), lowLevelDbfs: DtmfSignals.MaxToneLevelDbfs - 26);
        var coded = new byte[samples.Length];
        if (muLaw)
        {
            VikaIvr.Media.Codecs.G711.EncodeMuLaw(samples, coded);
            VikaIvr.Media.Codecs.G711.DecodeMuLaw(coded, samples);
        }
        else
        {
            VikaIvr.Media.Codecs.G711.EncodeALaw(samples, coded);
            VikaIvr.Media.Codecs.G711.DecodeALaw(coded, samples);
        }

        Assert.Equal(DtmfTones.Digits, Digits(samples));
    }
}
