namespace VikaIvr.Media.Audio;

/// <summary>Which level <see cref="LoudnessNormalizer"/> brings to the target.</summary>
public enum LoudnessMeasure
{
    /// <summary>RMS over the speech only, pauses excluded (ITU-T P.56 style). Suits prompts.</summary>
    ActiveSpeech,

    /// <summary>Plain RMS over the whole clip.</summary>
    Rms,
}
