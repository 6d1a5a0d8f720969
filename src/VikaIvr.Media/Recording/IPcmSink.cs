namespace VikaIvr.Media.Recording;

/// <summary>Receives 8 kHz mono linear PCM in play-out order (from a <see cref="JitterBuffer"/>).</summary>
public interface IPcmSink
{
    /// <summary>The span is only valid during the call.</summary>
    void Write(ReadOnlySpan<short> samples);
}
