namespace VikaIvr.Media.Recording;

/// <summary>Configuration of a <see cref="CallRecorder"/>.</summary>
public sealed class CallRecorderOptions
{
    /// <summary>Audio beyond this is dropped and <see cref="CallRecorder.LimitReached"/> completes.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(5);

    public JitterBufferOptions Jitter { get; set; } = new();
}
