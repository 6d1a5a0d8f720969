namespace VikaIvr.Flows.Ports;

/// <summary>How to record the caller: what ends the recording and what counts as silence.</summary>
public sealed record RecordOptions
{
    /// <summary>The recording stops here whatever the caller does.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>This much silence in a row ends the recording (the silence stays in the samples).</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Keys that end the recording; the key is consumed, not queued. Other keys pressed
    /// while recording are ignored (they would be heard in the audio anyway).</summary>
    public string Terminators { get; init; } = "#";

    /// <summary>Mean absolute level (of 32767) under which 20 ms of audio counts as silence.</summary>
    public int SilenceLevel { get; init; } = 200;
}
