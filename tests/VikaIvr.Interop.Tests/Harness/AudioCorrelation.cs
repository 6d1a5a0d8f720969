namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// Finds a reference sound inside a recording: the best normalised cross-correlation over a
/// range of lags (the received audio starts after some silence and network delay).
/// </summary>
public static class AudioCorrelation
{
    /// <summary>
    /// The peak normalised correlation (−1..1) of <paramref name="reference"/> against
    /// <paramref name="recording"/> shifted by 0..<paramref name="maxLag"/> samples, and that lag.
    /// </summary>
    public static (double Peak, int Lag) BestMatch(ReadOnlySpan<short> reference, ReadOnlySpan<short> recording, int maxLag)
    {
        var best = double.NegativeInfinity;
        var bestLag = -1;
        var referenceEnergy = 0.0;
        foreach (var s in reference)
        {
            referenceEnergy += (double)s * s;
        }

        if (referenceEnergy == 0)
        {
            throw new ArgumentException("the reference is silent", nameof(reference));
        }

        for (var lag = 0; lag <= maxLag && lag + reference.Length <= recording.Length; lag++)
        {
            var window = recording.Slice(lag, reference.Length);
            double dot = 0, energy = 0;
            for (var i = 0; i < reference.Length; i++)
            {
                dot += (double)reference[i] * window[i];
                energy += (double)window[i] * window[i];
            }

            if (energy == 0)
            {
                continue;
            }

            var correlation = dot / Math.Sqrt(referenceEnergy * energy);
            if (correlation > best)
            {
                best = correlation;
                bestLag = lag;
            }
        }

        return (bestLag < 0 ? 0 : best, bestLag);
    }
}
