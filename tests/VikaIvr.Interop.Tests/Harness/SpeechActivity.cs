namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// Where a recording holds sound: RMS over short windows, voiced windows joined into segments
/// across the short pauses between words. Enough to tell "a sentence of a few seconds was
/// played" from silence or a click, without knowing what was said.
/// </summary>
public static class SpeechActivity
{
    /// <summary>A voiced stretch, in samples from the start of the recording.</summary>
    public readonly record struct Segment(int Start, int Length)
    {
        public TimeSpan Duration(int sampleRate) => TimeSpan.FromSeconds((double)Length / sampleRate);

        public TimeSpan StartTime(int sampleRate) => TimeSpan.FromSeconds((double)Start / sampleRate);
    }

    /// <summary>
    /// The voiced segments from <paramref name="from"/> on: windows of <paramref name="windowMs"/>
    /// whose RMS exceeds <paramref name="threshold"/>, joined across gaps up to <paramref name="maxGapMs"/>.
    /// </summary>
    public static IReadOnlyList<Segment> Segments(
        ReadOnlySpan<short> samples, int sampleRate, int from = 0, int windowMs = 20, double threshold = 500, int maxGapMs = 400)
    {
        var window = sampleRate * windowMs / 1000;
        var maxGap = sampleRate * maxGapMs / 1000;
        var segments = new List<Segment>();
        int start = -1, lastVoicedEnd = -1;
        for (var at = Math.Max(0, from); at + window <= samples.Length; at += window)
        {
            if (Rms(samples.Slice(at, window)) < threshold)
            {
                continue;
            }

            if (start >= 0 && at - lastVoicedEnd > maxGap)
            {
                segments.Add(new Segment(start, lastVoicedEnd - start));
                start = -1;
            }

            if (start < 0)
            {
                start = at;
            }

            lastVoicedEnd = at + window;
        }

        if (start >= 0)
        {
            segments.Add(new Segment(start, lastVoicedEnd - start));
        }

        return segments;
    }

    public static double Rms(ReadOnlySpan<short> window)
    {
        if (window.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in window)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / window.Length);
    }
}
