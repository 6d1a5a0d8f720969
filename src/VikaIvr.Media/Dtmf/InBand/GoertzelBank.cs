namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>
/// Goertzel filters for the eight DTMF frequencies over one block, kept as two half-blocks so
/// the phase advance from the first half to the second gives each tone's true frequency.
/// Mutable state, owned by one detector; nothing is allocated after construction.
/// </summary>
internal sealed class GoertzelBank
{
    private const int Tones = 8;

    private readonly int _half;
    private readonly double _sampleRate;
    private readonly double[] _omega = new double[Tones];
    private readonly double[] _coefficient = new double[Tones];
    private readonly double[] _s1 = new double[Tones];
    private readonly double[] _s2 = new double[Tones];

    // Complex DFT of the first half (re, im), each referenced to its own half's first sample.
    private readonly double[] _firstRe = new double[Tones];
    private readonly double[] _firstIm = new double[Tones];

    public GoertzelBank(int halfBlock, int sampleRate)
    {
        _half = halfBlock;
        _sampleRate = sampleRate;
        for (var i = 0; i < Tones; i++)
        {
            var frequency = Frequency(i);
            _omega[i] = 2 * Math.PI * frequency / sampleRate;
            _coefficient[i] = 2 * Math.Cos(_omega[i]);
        }
    }

    public static double Frequency(int tone) => tone < 4 ? DtmfTones.LowFrequencies[tone] : DtmfTones.HighFrequencies[tone - 4];

    public void Add(double x)
    {
        for (var i = 0; i < Tones; i++)
        {
            var s = x + (_coefficient[i] * _s1[i]) - _s2[i];
            _s2[i] = _s1[i];
            _s1[i] = s;
        }
    }

    /// <summary>Stores the first half's DFT and restarts the filters for the second half.</summary>
    public void EndFirstHalf()
    {
        for (var i = 0; i < Tones; i++)
        {
            (_firstRe[i], _firstIm[i]) = HalfDft(i);
            _s1[i] = 0;
            _s2[i] = 0;
        }
    }

    /// <summary>
    /// Finishes the block: the whole-block energy |X|² of each tone and its frequency offset (Hz)
    /// from the nominal, from the phase advance between the halves. Resets for the next block.
    /// </summary>
    public void EndBlock(Span<double> energy, Span<double> offsetHz)
    {
        for (var i = 0; i < Tones; i++)
        {
            var (re2, im2) = HalfDft(i);
            var re1 = _firstRe[i];
            var im1 = _firstIm[i];

            // Whole block: X1 + e^{-jωH}·X2.
            var shift = _omega[i] * _half;
            var cos = Math.Cos(shift);
            var sin = Math.Sin(shift);
            var re = re1 + (cos * re2) + (sin * im2);
            var im = im1 + (cos * im2) - (sin * re2);
            energy[i] = (re * re) + (im * im);

            // arg(X2·conj(X1)) = ω'H (mod 2π); the excess over ωH is the offset.
            var advance = Math.Atan2((im2 * re1) - (re2 * im1), (re2 * re1) + (im2 * im1));
            var excess = Wrap(advance - shift);
            offsetHz[i] = excess * _sampleRate / (2 * Math.PI * _half);

            _s1[i] = 0;
            _s2[i] = 0;
        }
    }

    /// <summary>Σ x[k]·e^{-jωk} over the current half, from the Goertzel state.</summary>
    private (double Re, double Im) HalfDft(int i)
    {
        var omega = _omega[i];
        var yRe = _s1[i] - (Math.Cos(omega) * _s2[i]);
        var yIm = Math.Sin(omega) * _s2[i];
        var turn = -omega * (_half - 1);
        var c = Math.Cos(turn);
        var s = Math.Sin(turn);
        return ((yRe * c) - (yIm * s), (yRe * s) + (yIm * c));
    }

    private static double Wrap(double angle)
    {
        angle %= 2 * Math.PI;
        if (angle > Math.PI)
        {
            angle -= 2 * Math.PI;
        }
        else if (angle < -Math.PI)
        {
            angle += 2 * Math.PI;
        }

        return angle;
    }
}
