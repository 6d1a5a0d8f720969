namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>Whole-recording convenience over <see cref="InBandDtmfDetector"/> (e.g. `vika dtmf detect`).</summary>
public static class InBandDtmf
{
    /// <summary>The completed digits in 8 kHz audio, in order, as their end events (start time and duration).</summary>
    public static IReadOnlyList<InBandDtmfEvent> Detect(ReadOnlySpan<short> samples, InBandDtmfOptions? options = null)
    {
        var detector = new InBandDtmfDetector(options);
        var digits = new List<InBandDtmfEvent>();
        const int Frame = 160;
        for (var offset = 0; offset < samples.Length; offset += Frame)
        {
            detector.Process(samples.Slice(offset, Math.Min(Frame, samples.Length - offset)));
            Drain(detector, digits);
        }

        detector.Finish();
        Drain(detector, digits);
        return digits;
    }

    /// <summary>The digits as a string, e.g. "123#".</summary>
    public static string DetectDigits(ReadOnlySpan<short> samples, InBandDtmfOptions? options = null)
    {
        var events = Detect(samples, options);
        var chars = new char[events.Count];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = events[i].Digit;
        }

        return new string(chars);
    }

    private static void Drain(InBandDtmfDetector detector, List<InBandDtmfEvent> digits)
    {
        while (detector.TryRead(out var e))
        {
            if (e.Kind == InBandDtmfEventKind.End)
            {
                digits.Add(e);
            }
        }
    }
}
