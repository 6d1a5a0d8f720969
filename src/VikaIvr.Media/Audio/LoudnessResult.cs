namespace VikaIvr.Media.Audio;

/// <summary>What <see cref="LoudnessNormalizer"/> did.</summary>
/// <param name="GainDb">The gain applied.</param>
/// <param name="PeakLimited">True when the peak ceiling held the gain below what the target asked.</param>
/// <param name="Before">Levels before the gain.</param>
public sealed record LoudnessResult(double GainDb, bool PeakLimited, AudioMeasurement Before);
