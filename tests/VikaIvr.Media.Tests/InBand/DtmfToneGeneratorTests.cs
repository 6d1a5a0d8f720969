using VikaIvr.Media.Dtmf.InBand;
using VikaIvr.Media.Tests.Audio;

namespace VikaIvr.Media.Tests.InBand;

public sealed class DtmfToneGeneratorTests
{
    [Fact]
    public void Level_and_twist_set_the_tone_amplitudes()
    {
        var samples = DtmfToneGenerator.Generate('1', TimeSpan.FromSeconds(1), lowLevelDbfs: -10, twistDb: -6);

        Assert.Equal(8000, samples.Length);
        var low = Amplitude(samples, 697);
        var high = Amplitude(samples, 1209);
        Assert.InRange(TestSignals.Db(low / 32767), -10.05, -9.95);
        Assert.InRange(TestSignals.Db(high / low), -6.05, -5.95);
    }

    [Fact]
    public void Frame_by_frame_output_equals_one_block()
    {
        var whole = DtmfToneGenerator.Generate('D', TimeSpan.FromMilliseconds(100));
        var generator = new DtmfToneGenerator('d');
        var framed = new short[800];
        for (var i = 0; i < 5; i++)
        {
            generator.Fill(framed.AsSpan(i * 160, 160));
        }

        for (var i = 0; i < whole.Length; i++)
        {
            Assert.InRange(framed[i] - whole[i], -1, 1);
        }
    }

    [Fact]
    public void Keypad_frequencies_and_bad_digits()
    {
        Assert.Equal((941.0, 1477.0), DtmfTones.FrequenciesOf('#'));
        Assert.Equal((852.0, 1633.0), DtmfTones.FrequenciesOf('c'));
        Assert.Throws<ArgumentOutOfRangeException>(() => DtmfTones.FrequenciesOf('E'));
    }

    /// <summary>Amplitude of one frequency by correlation over whole cycles of the signal.</summary>
    private static double Amplitude(short[] samples, double frequency)
    {
        double re = 0, im = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var angle = 2 * Math.PI * frequency * i / 8000;
            re += samples[i] * Math.Cos(angle);
            im += samples[i] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / samples.Length;
    }
}
