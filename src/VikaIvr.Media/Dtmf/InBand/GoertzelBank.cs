namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>
/// Goertzel filters for the eight DTMF frequencies over one block. A plain (rectangular) filter
/// per tone gives its energy over the whole block. Two more per tone run over Hann-windowed,
/// overlapping spans (the first and last two thirds of the block); the phase advance from one span
/// to the other gives the tone's true frequency. The window and span length put the other tone of
/// the pair near a window null even with twist and offsets, so it cannot bias that estimate.
/// Mutable state, owned by one detector; nothing is allocated after construction.
/// </summary>
internal sealed class GoertzelBank
{
    private const int Tones = 8;

    private readonly int _span;
    private readonly int _lag;
    private readonly double _sampleRate;
    private readonly double[] _window;
    private readonly double[] _omega = new double[Tones];
    private readonly double[] _coefficient = new double[Tones];
    private readonly double[] _spanTurnCos = new double[Tones];
    private readonly double[] _spanTurnSin = new double[Tones];

    private readonly double[] _r1 = new double[Tones];
    private readonly double[] _r2 = new double[Tones];
    private readonly double[] _a1 = new double[Tones];
    private readonly double[] _a2 = new double[Tones];
    private readonly double[] _b1 = new double[Tones];
    private readonly double[] _b2 = new double[Tones];
    private readonly double[] _firstRe = new double[Tones];
    private readonly double[] _firstIm = new double[Tones];

    public GoertzelBank(int blockSize, int sampleRate)
    {
        _span = blockSize * 2 / 3;
        _lag = blockSize - _span;
        _sampleRate = sampleRate;
        _window = new double[_span];
        for (var n = 0; n < _span; n++)
        {
            _window[n] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * (n + 0.5) / _span));
        }

        for (var i = 0; i < Tones; i++)
        {
            _omega[i] = 2 * Math.PI * Frequency(i) / sampleRate;
            _coefficient[i] = 2 * Math.Cos(_omega[i]);

            // Turns the Goertzel output into a DFT referenced to the span's first sample.
            var turn = -_omega[i] * (_span - 1);
            _spanTurnCos[i] = Math.Cos(turn);
            _spanTurnSin[i] = Math.Sin(turn);
        }
    }

    /// <summary>Length of the windowed spans, in samples.</summary>
    public int SpanLength => _span;

    public static double Frequency(int tone) => tone < 4 ? DtmfTones.LowFrequencies[tone] : DtmfTones.HighFrequencies[tone - 4];

    /// <param name="x">The sample.</param>
    /// <param name="index">Its position within the block (0 to block size - 1).</param>
    public void Add(double x, int index)
    {
        for (var i = 0; i < Tones; i++)
        {
            var r = x + (_coefficient[i] * _r1[i]) - _r2[i];
            _r2[i] = _r1[i];
            _r1[i] = r;
        }

        if (index < _span)
        {
            Step(_a1, _a2, x * _window[index]);
            if (index == _span - 1)
            {
                for (var i = 0; i < Tones; i++)
                {
                    (_firstRe[i], _firstIm[i]) = SpanDft(i, _a1[i], _a2[i]);
                }
            }
        }

        if (index >= _lag)
        {
            Step(_b1, _b2, x * _window[index - _lag]);
        }
    }

    /// <summary>
    /// Finishes the block: the whole-block energy |X|² of each tone, its energy over the two
    /// windowed spans (little leakage from the other tone, so good for comparing tones), and its
    /// frequency offset (Hz) from the nominal. Resets for the next block.
    /// </summary>
    public void EndBlock(Span<double> energy, Span<double> windowedEnergy, Span<double> offsetHz)
    {
        for (var i = 0; i < Tones; i++)
        {
            energy[i] = (_r1[i] * _r1[i]) + (_r2[i] * _r2[i]) - (_coefficient[i] * _r1[i] * _r2[i]);

            // arg(X_B·conj(X_A)) = ω'·lag (mod 2π); the excess over ω·lag is the offset.
            var (re2, im2) = SpanDft(i, _b1[i], _b2[i]);
            var re1 = _firstRe[i];
            var im1 = _firstIm[i];
            windowedEnergy[i] = (re1 * re1) + (im1 * im1) + (re2 * re2) + (im2 * im2);
            var advance = Math.Atan2((im2 * re1) - (re2 * im1), (re2 * re1) + (im2 * im1));
            var excess = Wrap(advance - (_omega[i] * _lag));
            offsetHz[i] = excess * _sampleRate / (2 * Math.PI * _lag);

            _r1[i] = 0;
            _r2[i] = 0;
            _a1[i] = 0;
            _a2[i] = 0;
            _b1[i] = 0;
            _b2[i] = 0;
        }
    }

    private void Step(double[] s1, double[] s2, double x)
    {
        for (var i = 0; i < Tones; i++)
        {
            var s = x + (_coefficient[i] * s1[i]) - s2[i];
            s2[i] = s1[i];
            s1[i] = s;
        }
    }

    /// <summary>Σ x[k]·e^{-jωk} over a span, from a Goertzel filter's last two states.</summary>
    private (double Re, double Im) SpanDft(int i, double s1, double s2)
    {
        var omega = _omega[i];
        var yRe = s1 - (Math.Cos(omega) * s2);
        var yIm = Math.Sin(omega) * s2;
        var c = _spanTurnCos[i];
        var s = _spanTurnSin[i];
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
