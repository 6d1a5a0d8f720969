using VikaIvr.Media.Dtmf.InBand;

namespace VikaIvr.Media.Tests.InBand;

/// <summary>Builds test audio for the DTMF detector: tones, gaps, noise, speech-like sounds.</summary>
internal sealed class DtmfSignals
{
    /// <summary>Each tone's peak level when the pair just reaches full scale: the "full level" of the requirements.</summary>
    public const double MaxToneLevelDbfs = -6.02;

    private readonly List<double> _samples = [];

    public int Length => _samples.Count;

    public DtmfSignals Silence(int milliseconds) => Silence(milliseconds, 0);

    public DtmfSignals Silence(int milliseconds, int extraSamples)
    {
        for (var i = 0; i < (milliseconds * 8) + extraSamples; i++)
        {
            _samples.Add(0);
        }

        return this;
    }

    public DtmfSignals Tone(char digit, int milliseconds, double levelDbfs = -10, double twistDb = 0, double lowScale = 1, double highScale = 1)
    {
        var tone = new short[milliseconds * 8];
        new DtmfToneGenerator(digit, levelDbfs, twistDb, 8000, lowScale, highScale).Fill(tone);
        foreach (var s in tone)
        {
            _samples.Add(s);
        }

        return this;
    }

    /// <summary>Adds white Gaussian noise at the given RMS (in 16-bit units) over everything so far.</summary>
    public DtmfSignals Noise(double rms, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < _samples.Count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            _samples[i] += rms * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return this;
    }

    public short[] Build()
    {
        var result = new short[_samples.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (short)Math.Clamp(Math.Round(_samples[i]), short.MinValue, short.MaxValue);
        }

        return result;
    }

    /// <summary>RMS (16-bit units) of a DTMF pair whose tones both peak at <paramref name="levelDbfs"/>.</summary>
    public static double PairRms(double levelDbfs, double twistDb = 0)
    {
        var low = 32767 * Math.Pow(10, levelDbfs / 20);
        var high = 32767 * Math.Pow(10, (levelDbfs + twistDb) / 20);
        return Math.Sqrt(((low * low) + (high * high)) / 2);
    }

    /// <summary>
    /// Vowel-like speech: a glottal source (harmonics falling 6 dB per octave) of gliding pitch with
    /// a little vibrato, through three formant resonances, with syllable-rate amplitude changes.
    /// This is what talk-off tests use where no recorded speech is available.
    /// </summary>
    public static short[] SyntheticSpeech(int seconds, int seed)
    {
        var random = new Random(seed);
        var result = new short[seconds * 8000];
        (double F1, double F2, double F3)[] vowels =
            [(730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480), (570, 840, 2410), (660, 1720, 2410), (440, 1020, 2240)];
        var phase = new double[48];
        var vibratoPhase = 0.0;
        var position = 0;
        while (position < result.Length)
        {
            var (f1, f2, f3) = vowels[random.Next(vowels.Length)];
            var length = Math.Min(result.Length - position, random.Next(800, 2400));
            var pitchStart = random.Next(90, 320);
            var pitchEnd = random.Next(90, 320);
            for (var i = 0; i < length; i++)
            {
                var t = i / (double)length;
                vibratoPhase += 2 * Math.PI * 5.5 / 8000;
                var f0 = (pitchStart + ((pitchEnd - pitchStart) * t)) * (1 + (0.02 * Math.Sin(vibratoPhase)));
                var envelope = Math.Sin(Math.PI * t);
                var value = 0.0;
                for (var h = 1; h < phase.Length && h * f0 < 3800; h++)
                {
                    phase[h] += 2 * Math.PI * h * f0 / 8000;
                    var f = h * f0;
                    var gain = Resonance(f, f1, 80) * Resonance(f, f2, 100) * Resonance(f, f3, 150) / h;
                    value += gain * Math.Sin(phase[h]);
                }

                result[position + i] = (short)Math.Clamp(3000 * envelope * value, short.MinValue, short.MaxValue);
            }

            position += length;
        }

        return result;
    }

    /// <summary>Amplitude response of a two-pole resonance normalised to 1 at DC.</summary>
    private static double Resonance(double f, double centre, double bandwidth)
    {
        var x = f / centre;
        var q = centre / bandwidth;
        return 1 / Math.Sqrt(Math.Pow(1 - (x * x), 2) + Math.Pow(x / q, 2));
    }
}
