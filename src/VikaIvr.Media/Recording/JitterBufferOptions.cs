namespace VikaIvr.Media.Recording;

/// <summary>Configuration of a <see cref="JitterBuffer"/>.</summary>
public sealed class JitterBufferOptions
{
    /// <summary>
    /// How much audio is held back for reordering. Longer tolerates more network reordering;
    /// for recording the delay costs nothing but memory.
    /// </summary>
    public TimeSpan Depth { get; set; } = TimeSpan.FromMilliseconds(80);

    /// <summary>The longest packet accepted (in samples at 8 kHz); sizes the preallocated slots.</summary>
    public int MaxPacketSamples { get; set; } = 960;

    public JitterGapFill GapFill { get; set; } = JitterGapFill.Silence;

    /// <summary>
    /// Timestamp gaps up to this long are filled (lost packets, silence suppression, DTMF events
    /// that took the audio's place); a longer or backward jump is a discontinuity and is not filled.
    /// </summary>
    public TimeSpan MaxGapFill { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A sequence number further than this from the expected one (either way) is not loss but a
    /// new numbering; it is adopted once a second packet confirms it (RFC 3550 A.1 probation).
    /// </summary>
    public int MaxSequenceJump { get; set; } = 100;
}
