namespace VikaIvr.Media.Recording;

/// <summary>What a jitter buffer did with one pushed packet.</summary>
public enum JitterPushResult
{
    Accepted,

    /// <summary>A copy of a packet still buffered or already played out.</summary>
    Duplicate,

    /// <summary>Arrived after its place had been played out (counted as lost).</summary>
    Late,

    /// <summary>Empty, or longer than <see cref="JitterBufferOptions.MaxPacketSamples"/>.</summary>
    Rejected,

    /// <summary>The first packet after a large sequence jump; kept only if the next packet confirms the new numbering.</summary>
    Probation,

    /// <summary>Accepted as the start of a new numbering (new SSRC or a confirmed sequence jump); buffered audio was flushed first.</summary>
    Resynchronized,
}
