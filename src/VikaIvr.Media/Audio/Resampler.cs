using System.Numerics;

namespace VikaIvr.Media.Audio;

/// <summary>
/// Sample-rate conversion by a polyphase Kaiser-windowed sinc filter. The filter is designed for
/// the lower of the two rates: flat to 0.43 × that rate (3.44 kHz for 8 kHz) and at least
/// 70 dB down from half that rate (4 kHz for 8 kHz), so nothing above the output band aliases in.
/// Output sample n sits exactly at input time n × in/out, so length and pitch are preserved.
/// An instance is immutable after construction and may be shared between threads.
/// </summary>
public sealed class Resampler
{
    private const int MaxPhases = 4096;
    private const double PassbandFraction = 0.43;
    private const double StopbandFraction = 0.5;
    private const double StopbandAttenuationDb = 80;

    private readonly int _up;
    private readonly int _down;
    private readonly int _phases;
    private readonly int _taps;
    private readonly int _halfTaps;

    // (_phases + 1) rows of _taps coefficients; the extra row lets phases interpolate when the
    // exact ratio needs more phases than we store.
    private readonly float[] _coefficients;

    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        var gcd = Gcd(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        _phases = Math.Min(_up, MaxPhases);

        var lowRate = Math.Min(inputRate, outputRate);
        var transitionHz = (StopbandFraction - PassbandFraction) * lowRate;
        var cutoffHz = (PassbandFraction + StopbandFraction) / 2 * lowRate;
        var design = KaiserDesign.ForAttenuation(StopbandAttenuationDb, transitionHz / inputRate);
        _halfTaps = Math.Max(2, (design.Length / 2) + 1);
        _taps = 2 * _halfTaps;
        _coefficients = BuildTable(cutoffHz / inputRate, design.Beta);
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Output length for an input of <paramref name="inputLength"/> samples.</summary>
    public int OutputLength(int inputLength) => (int)((long)inputLength * _up / _down);

    public float[] Process(ReadOnlySpan<float> input)
    {
        var output = new float[OutputLength(input.Length)];
        Process(input, output);
        return output;
    }

    public short[] Process(ReadOnlySpan<short> input)
    {
        var output = Process(SampleConvert.ToFloat(input));
        return SampleConvert.ToPcm16(output);
    }

    /// <summary>Resamples a whole signal; samples before and after it count as silence.</summary>
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        var count = OutputLength(input.Length);
        if (output.Length < count)
        {
            throw new ArgumentException($"Output holds {output.Length} samples but {count} are needed.", nameof(output));
        }

        if (_up == _down)
        {
            input.CopyTo(output);
            return;
        }

        var exactPhases = _phases == _up;
        for (var n = 0; n < count; n++)
        {
            var position = (long)n * _down;
            var center = (int)(position / _up);
            var remainder = (int)(position % _up);
            var first = center - _halfTaps + 1;
            if (exactPhases)
            {
                output[n] = Dot(input, first, _coefficients.AsSpan(remainder * _taps, _taps));
            }
            else
            {
                var phase = (double)remainder * _phases / _up;
                var lower = (int)phase;
                var weight = (float)(phase - lower);
                var a = Dot(input, first, _coefficients.AsSpan(lower * _taps, _taps));
                var b = Dot(input, first, _coefficients.AsSpan((lower + 1) * _taps, _taps));
                output[n] = a + (weight * (b - a));
            }
        }
    }

    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate) =>
        new Resampler(inputRate, outputRate).Process(input);

    public static short[] Resample(ReadOnlySpan<short> input, int inputRate, int outputRate) =>
        new Resampler(inputRate, outputRate).Process(input);

    private static float Dot(ReadOnlySpan<float> input, int first, ReadOnlySpan<float> taps)
    {
        var start = Math.Max(0, -first);
        var end = Math.Min(taps.Length, input.Length - first);
        if (start == 0 && end == taps.Length)
        {
            return DotFull(input.Slice(first, taps.Length), taps);
        }

        var edgeSum = 0f;
        for (var k = start; k < end; k++)
        {
            edgeSum += input[first + k] * taps[k];
        }

        return edgeSum;
    }

    private static float DotFull(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var k = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; k <= a.Length - Vector<float>.Count; k += Vector<float>.Count)
            {
                acc += new Vector<float>(a[k..]) * new Vector<float>(b[k..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    private float[] BuildTable(double cutoff, double beta)
    {
        var table = new float[(_phases + 1) * _taps];
        var halfWidth = (double)_halfTaps;
        var besselBeta = KaiserDesign.BesselI0(beta);
        for (var phase = 0; phase <= _phases; phase++)
        {
            // Tap k multiplies input sample center - halfTaps + 1 + k; the output lies
            // fraction input samples after center.
            var fraction = (double)phase / _phases;
            var row = table.AsSpan(phase * _taps, _taps);
            var sum = 0.0;
            for (var k = 0; k < _taps; k++)
            {
                var t = fraction + _halfTaps - 1 - k;
                var ratio = t / halfWidth;
                var window = Math.Abs(ratio) >= 1 ? 0 : KaiserDesign.BesselI0(beta * Math.Sqrt(1 - (ratio * ratio))) / besselBeta;
                var value = 2 * cutoff * Sinc(2 * cutoff * t) * window;
                row[k] = (float)value;
                sum += value;
            }

            // Unit gain at DC for every phase keeps fractional positions from wobbling in level.
            for (var k = 0; k < _taps; k++)
            {
                row[k] = (float)(row[k] / sum);
            }
        }

        return table;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
