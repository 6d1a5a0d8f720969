namespace VikaIvr.Speech.Prompts;

/// <summary>What a new prompt file may be: the same limits for `vika prompts import`, the console's
/// upload and anything else that turns an operator's WAV into a prompt version.</summary>
public sealed class PromptImportLimits
{
    /// <summary>32 MiB: a minute of 96 kHz 32-bit stereo studio audio (46 MB) is refused, a minute
    /// of 48 kHz 24-bit stereo (17 MB) passes.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>The longest prompt taken (what `prompts check` calls too long).</summary>
    public TimeSpan MaxDuration { get; set; } = new PromptCheckOptions().MaxDuration;

    /// <summary>Below this peak (dBFS) the file counts as silent (as in `prompts check`).</summary>
    public double SilentPeakDbfs { get; set; } = new PromptCheckOptions().SilentPeakDbfs;
}
