namespace VikaIvr.Media.Audio;

/// <summary>Target for loudness normalisation (bindable from configuration).</summary>
public sealed class LoudnessOptions
{
    /// <summary>The level to reach, in dBFS.</summary>
    public double TargetDbfs { get; set; } = -20;

    public LoudnessMeasure Measure { get; set; } = LoudnessMeasure.ActiveSpeech;

    /// <summary>The gain is reduced if needed so no peak exceeds this (dBFS), so nothing clips.</summary>
    public double PeakCeilingDbfs { get; set; } = -1;

    /// <summary>Audio quieter than this is left alone rather than amplified noise.</summary>
    public double SilenceThresholdDbfs { get; set; } = AudioLevels.DefaultSilenceThresholdDbfs;
}
