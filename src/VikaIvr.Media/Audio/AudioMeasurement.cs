namespace VikaIvr.Media.Audio;

/// <summary>
/// Levels of a piece of audio, as `prompts check` reports them. Levels are dB relative to full
/// scale (a full-scale square wave is 0 dBFS RMS, a full-scale sine -3 dBFS RMS);
/// <see cref="double.NegativeInfinity"/> for digital silence.
/// </summary>
/// <param name="Duration">Length of the audio.</param>
/// <param name="RmsDbfs">RMS level over the whole clip.</param>
/// <param name="ActiveLevelDbfs">RMS over the active (non-pause) parts only, after ITU-T P.56's idea.</param>
/// <param name="PeakDbfs">Largest absolute sample.</param>
/// <param name="ClippedRatio">Fraction of samples at full scale (0–1).</param>
/// <param name="LeadingSilence">Silence before the first active 10 ms frame.</param>
/// <param name="TrailingSilence">Silence after the last active 10 ms frame.</param>
/// <param name="IsSilent">True when no frame rises above the silence threshold.</param>
public sealed record AudioMeasurement(
    TimeSpan Duration,
    double RmsDbfs,
    double ActiveLevelDbfs,
    double PeakDbfs,
    double ClippedRatio,
    TimeSpan LeadingSilence,
    TimeSpan TrailingSilence,
    bool IsSilent);
