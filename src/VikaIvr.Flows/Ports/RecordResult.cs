namespace VikaIvr.Flows.Ports;

/// <summary>What a recording captured (8 kHz mono linear PCM, from the end of the beep) and why it ended.</summary>
public sealed record RecordResult(ReadOnlyMemory<short> Samples, RecordTermination Termination)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)AudioClip.SampleRate);

    public static RecordResult HungUp { get; } = new(ReadOnlyMemory<short>.Empty, RecordTermination.Hangup);
}
