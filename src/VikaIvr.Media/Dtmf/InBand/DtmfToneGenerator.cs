namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>
/// Generates a DTMF tone pair, phase-continuous across calls to <see cref="Fill"/>, so a sender
/// can produce it frame by frame. Level is per tone, in dBFS of the tone's peak (0 dBFS = a
/// full-scale sine); twist is high tone minus low tone in dB.
/// </summary>
public sealed class DtmfToneGenerator
{
    /// <summary>A usual sending level: each tone 10 dB under full scale, the pair peaking at -4 dBFS.</summary>
    public const double DefaultLevelDbfs = -10;

    private readonly double _lowStep;
    private readonly double _highStep;
    private readonly double _lowAmplitude;
    private readonly double _highAmplitude;
    private double _lowPhase;
    private double _highPhase;

    /// <param name="digit">0–9, *, #, A–D.</param>
    /// <param name="lowLevelDbfs">Peak level of the low-group tone.</param>
    /// <param name="twistDb">High-group level minus low-group level.</param>
    /// <param name="sampleRate">Output rate.</param>
    /// <param name="lowFrequencyScale">Multiplies the low frequency (1.015 = 1.5 % high); for tests.</param>
    /// <param name="highFrequencyScale">Multiplies the high frequency.</param>
    public DtmfToneGenerator(
        char digit,
        double lowLevelDbfs = DefaultLevelDbfs,
        double twistDb = 0,
        int sampleRate = 8000,
        double lowFrequencyScale = 1,
        double highFrequencyScale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var (low, high) = DtmfTones.FrequenciesOf(digit);
        Digit = char.ToUpperInvariant(digit);
        SampleRate = sampleRate;
        _lowStep = 2 * Math.PI * low * lowFrequencyScale / sampleRate;
        _highStep = 2 * Math.PI * high * highFrequencyScale / sampleRate;
        _lowAmplitude = 32767 * Math.Pow(10, lowLevelDbfs / 20);
        _highAmplitude = 32767 * Math.Pow(10, (lowLevelDbfs + twistDb) / 20);
    }

    public char Digit { get; }

    public int SampleRate { get; }

    /// <summary>Writes the next samples of the tone, clipping at full scale.</summary>
    public void Fill(Span<short> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var value = (_lowAmplitude * Math.Sin(_lowPhase)) + (_highAmplitude * Math.Sin(_highPhase));
            destination[i] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
            _lowPhase += _lowStep;
            _highPhase += _highStep;
        }

        // Keep the phases small so precision does not drain away on long tones.
        _lowPhase %= 2 * Math.PI;
        _highPhase %= 2 * Math.PI;
    }

    /// <summary>A whole tone of the given duration.</summary>
    public static short[] Generate(char digit, TimeSpan duration, double lowLevelDbfs = DefaultLevelDbfs, double twistDb = 0, int sampleRate = 8000)
    {
        var samples = new short[(int)Math.Round(duration.TotalSeconds * sampleRate)];
        new DtmfToneGenerator(digit, lowLevelDbfs, twistDb, sampleRate).Fill(samples);
        return samples;
    }

    /// <summary>A digit sequence: each tone <paramref name="tone"/> long, separated by <paramref name="gap"/> of silence.</summary>
    public static short[] GenerateSequence(string digits, TimeSpan tone, TimeSpan gap, double lowLevelDbfs = DefaultLevelDbfs, double twistDb = 0, int sampleRate = 8000)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var toneSamples = (int)Math.Round(tone.TotalSeconds * sampleRate);
        var gapSamples = (int)Math.Round(gap.TotalSeconds * sampleRate);
        var result = new short[(digits.Length * (toneSamples + gapSamples)) + gapSamples];
        var position = gapSamples;
        foreach (var digit in digits)
        {
            new DtmfToneGenerator(digit, lowLevelDbfs, twistDb, sampleRate).Fill(result.AsSpan(position, toneSamples));
            position += toneSamples + gapSamples;
        }

        return result;
    }
}
