namespace VikaIvr.Media.Audio;

/// <summary>Kaiser's formulas for a windowed-sinc FIR meeting an attenuation and transition width.</summary>
internal readonly record struct KaiserDesign(int Length, double Beta)
{
    /// <param name="attenuationDb">Stopband attenuation wanted.</param>
    /// <param name="transitionWidth">Transition width as a fraction of the sampling rate.</param>
    public static KaiserDesign ForAttenuation(double attenuationDb, double transitionWidth)
    {
        var beta = attenuationDb > 50
            ? 0.1102 * (attenuationDb - 8.7)
            : attenuationDb >= 21 ? (0.5842 * Math.Pow(attenuationDb - 21, 0.4)) + (0.07886 * (attenuationDb - 21)) : 0;
        var length = (int)Math.Ceiling((attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionWidth)) + 1;
        return new KaiserDesign(length, beta);
    }

    /// <summary>Modified Bessel function of the first kind, order zero (series).</summary>
    public static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var half = x / 2;
        for (var k = 1; k < 50; k++)
        {
            term *= half / k;
            var squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
