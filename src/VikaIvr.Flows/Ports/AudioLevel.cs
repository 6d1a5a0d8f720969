namespace VikaIvr.Flows.Ports;

/// <summary>
/// The one rule for silence in a caller's audio (8 kHz linear PCM): a block whose mean absolute
/// level is under the threshold (<see cref="RecordOptions.SilenceLevel"/>). The recorder ends a
/// recording by it and the flow tells a recording with nothing said by it.
/// </summary>
public static class AudioLevel
{
    /// <summary>The block the rule is applied to when a recording is measured afterwards: 20 ms.</summary>
    public const int BlockSamples = AudioClip.SampleRate / 50;

    public static bool IsSilent(ReadOnlySpan<short> block, int silenceLevel)
    {
        if (block.IsEmpty) return true;
        long sum = 0;
        foreach (short s in block) sum += Math.Abs((int)s);
        return sum / block.Length < silenceLevel;
    }
}
