namespace VikaIvr.Speech.Prompts;

/// <summary>Limits `vika prompts check` applies.</summary>
public sealed class PromptCheckOptions
{
    /// <summary>Below this peak a prompt is taken as silent.</summary>
    public double SilentPeakDbfs { get; set; } = -50;

    /// <summary>Speech level (active speech, pauses excluded) must lie in this range.</summary>
    public double MinLevelDbfs { get; set; } = -36;
    public double MaxLevelDbfs { get; set; } = -8;

    /// <summary>Fraction of samples at full scale tolerated before a prompt counts as clipped.</summary>
    public double MaxClippedRatio { get; set; } = 0.0005;

    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromSeconds(60);
}
