namespace VikaIvr.Media.Recording;

/// <summary>What a jitter buffer puts where audio is missing (lost packets, suppressed silence).</summary>
public enum JitterGapFill
{
    /// <summary>Digital silence.</summary>
    Silence,

    /// <summary>
    /// Repeats the last packet for up to three packet times (simple loss concealment, less audible
    /// than a hole for one or two lost packets), then silence.
    /// </summary>
    RepeatLast,
}
