namespace VikaIvr.Media.Recording;

/// <summary>A finished recording: an 8 kHz 16-bit mono WAV file.</summary>
/// <param name="Path">The WAV file written.</param>
/// <param name="Duration">Length of the audio in the file.</param>
/// <param name="Samples">Samples in the file (8,000 per second).</param>
/// <param name="Truncated">True when the caller's audio went past the maximum duration.</param>
/// <param name="Jitter">What the jitter buffer saw (loss, reordering, duplicates).</param>
public sealed record RecordingResult(string Path, TimeSpan Duration, long Samples, bool Truncated, JitterBufferStatistics Jitter);
