namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>
/// Decides whether one analysed block holds a valid DTMF pair: level, twist, frequency accuracy,
/// dominance within each group, and the share of the block's energy the pair holds (which is
/// what keeps speech, with its many harmonics, from passing as a digit).
/// </summary>
internal sealed class DtmfBlockClassifier
{
    private readonly int _blockSize;
    private readonly int _spanLength;
    private readonly double _sampleRate;
    private readonly double _minTonePower;
    private readonly double _maxNormalTwist;
    private readonly double _maxReverseTwist;
    private readonly double _maxDeviation;
    private readonly double _minEnergyRatio;
    private readonly double _groupPeakRatio;

    public DtmfBlockClassifier(int blockSize, int spanLength, int sampleRate, InBandDtmfOptions options)
    {
        _blockSize = blockSize;
        _spanLength = spanLength;
        _sampleRate = sampleRate;
        var minAmplitude = Math.Pow(10, options.MinToneLevelDbfs / 20);
        _minTonePower = minAmplitude * minAmplitude / 2;
        _maxNormalTwist = Math.Pow(10, options.MaxNormalTwistDb / 10);
        _maxReverseTwist = Math.Pow(10, options.MaxReverseTwistDb / 10);
        _maxDeviation = options.MaxFrequencyDeviation;
        _minEnergyRatio = options.MinToneEnergyRatio;
        _groupPeakRatio = Math.Pow(10, options.MinGroupPeakRatioDb / 10);
    }

    /// <param name="energy">|X|² of the eight tones (low group first) over the whole block.</param>
    /// <param name="windowedEnergy">|X|² of the eight tones over the windowed spans.</param>
    /// <param name="offsetHz">Measured frequency offset of each tone.</param>
    /// <param name="blockEnergy">Σx² over the block.</param>
    /// <returns>The digit, or '\0' for none.</returns>
    public char Classify(ReadOnlySpan<double> energy, ReadOnlySpan<double> windowedEnergy, ReadOnlySpan<double> offsetHz, double blockEnergy)
    {
        // The whole block resolves neighbouring tones of a group; the shorter windowed spans do not.
        var row = Strongest(energy[..4]);
        var column = Strongest(energy[4..]);
        if (!Dominates(energy[..4], row) || !Dominates(energy[4..], column))
        {
            return '\0';
        }

        var low = TonePower(energy[row], offsetHz[row], GoertzelBank.Frequency(row));
        var high = TonePower(energy[4 + column], offsetHz[4 + column], GoertzelBank.Frequency(4 + column));
        if (low < _minTonePower || high < _minTonePower)
        {
            return '\0';
        }

        // Twist from the windowed spans, where the stronger tone barely leaks into the weaker one.
        var lowWindowed = windowedEnergy[row] / HannGainSquared(offsetHz[row]);
        var highWindowed = windowedEnergy[4 + column] / HannGainSquared(offsetHz[4 + column]);
        if (highWindowed * _maxNormalTwist < lowWindowed || highWindowed > lowWindowed * _maxReverseTwist)
        {
            return '\0';
        }

        // Mean power of the block against the two tones' mean powers.
        var meanPower = blockEnergy / _blockSize;
        if (low + high < _minEnergyRatio * meanPower)
        {
            return '\0';
        }

        return DtmfTones.DigitAt(row, column);
    }

    /// <summary>
    /// The tone's mean power (A²/2), with the block window's loss at the measured offset put back;
    /// zero (below every threshold) when the offset is outside the accepted deviation.
    /// </summary>
    private double TonePower(double energy, double offset, double nominal)
    {
        if (Math.Abs(offset) > _maxDeviation * nominal)
        {
            return 0;
        }

        var x = Math.PI * offset / _sampleRate;
        var gain = Math.Abs(x) < 1e-12 ? 1 : Math.Sin(x * _blockSize) / (_blockSize * Math.Sin(x));
        var amplitudeSum = Math.Sqrt(energy) / gain;
        var amplitude = 2 * amplitudeSum / _blockSize;
        return amplitude * amplitude / 2;
    }

    /// <summary>Squared response of the Hann-windowed span to a tone <paramref name="offset"/> Hz off its bin.</summary>
    private double HannGainSquared(double offset)
    {
        var bins = offset * _spanLength / _sampleRate;
        if (Math.Abs(bins) < 1e-9)
        {
            return 1;
        }

        var sinc = Math.Sin(Math.PI * bins) / (Math.PI * bins);
        var gain = sinc / (1 - (bins * bins));
        return gain * gain;
    }

    private static int Strongest(ReadOnlySpan<double> group)
    {
        var best = 0;
        for (var i = 1; i < group.Length; i++)
        {
            if (group[i] > group[best])
            {
                best = i;
            }
        }

        return best;
    }

    private bool Dominates(ReadOnlySpan<double> group, int best)
    {
        for (var i = 0; i < group.Length; i++)
        {
            if (i != best && group[i] * _groupPeakRatio > group[best])
            {
                return false;
            }
        }

        return true;
    }
}
