namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>Thresholds of the in-band DTMF detector. The defaults meet the requirements of ITU-T Q.24 style tests.</summary>
public sealed class InBandDtmfOptions
{
    /// <summary>Weakest tone accepted, dB below a full-scale sine (per tone, peak).</summary>
    public double MinToneLevelDbfs { get; set; } = -40;

    /// <summary>How much weaker the high tone may be than the low tone (normal twist), dB.</summary>
    public double MaxNormalTwistDb { get; set; } = 10;

    /// <summary>How much stronger the high tone may be than the low tone (reverse twist), dB.</summary>
    public double MaxReverseTwistDb { get; set; } = 6;

    /// <summary>Largest frequency deviation accepted, as a fraction (0.025 = 2.5 %), between the ±1.5 % that must pass and the ±3.5 % that must not.</summary>
    public double MaxFrequencyDeviation { get; set; } = 0.025;

    /// <summary>Share of the block's energy the two tones must hold; speech spreads its energy and fails this.</summary>
    public double MinToneEnergyRatio { get; set; } = 0.85;

    /// <summary>How much stronger (dB) the chosen tone must be than any other tone of its group.</summary>
    public double MinGroupPeakRatioDb { get; set; } = 6;
}
