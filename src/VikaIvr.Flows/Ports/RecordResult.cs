namespace VikaIvr.Flows.Ports;

/// <summary>What a recording captured (8 kHz mono linear PCM, from the end of the beep) and why it ended.</summary>
public sealed record RecordResult(ReadOnlyMemory<short> Samples, RecordTermination Termination)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)AudioClip.SampleRate);

    public static RecordResult HungUp { get; } = new(ReadOnlyMemory<short>.Empty, RecordTermination.Hangup);

    /// <summary>
    /// How long the caller was heard: from the start of the first 20 ms block that is not silence
    /// (<see cref="AudioLevel"/>) to the end of the last one; zero when the recording is silence only.
    /// </summary>
    public TimeSpan SoundDuration(int silenceLevel)
    {
        var samples = Samples.Span;
        int first = -1, end = 0;
        for (int i = 0; i < samples.Length; i += AudioLevel.BlockSamples)
        {
            var block = samples.Slice(i, Math.Min(AudioLevel.BlockSamples, samples.Length - i));
            if (AudioLevel.IsSilent(block, silenceLevel)) continue;
            if (first < 0) first = i;
            end = i + block.Length;
        }

        return first < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((end - first) / (double)AudioClip.SampleRate);
    }
}
