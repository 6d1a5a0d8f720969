namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>A digit starting or ending in the audio given to <see cref="InBandDtmfDetector"/>.</summary>
/// <param name="Digit">'0'–'9', '*', '#', 'A'–'D'.</param>
/// <param name="Kind">Start or end.</param>
/// <param name="StartSample">Sample index (since the detector began) where the tone was first heard.</param>
/// <param name="EndSample">For an end event, the sample index just after the tone; for a start, where it was confirmed.</param>
/// <param name="SampleRate">The detector's rate, to turn samples into time.</param>
public readonly record struct InBandDtmfEvent(char Digit, InBandDtmfEventKind Kind, long StartSample, long EndSample, int SampleRate)
{
    public TimeSpan StartTime => TimeSpan.FromSeconds(StartSample / (double)SampleRate);

    public TimeSpan EndTime => TimeSpan.FromSeconds(EndSample / (double)SampleRate);

    /// <summary>How long the tone lasted (for an end event) or had lasted when confirmed (for a start).</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((EndSample - StartSample) / (double)SampleRate);
}
