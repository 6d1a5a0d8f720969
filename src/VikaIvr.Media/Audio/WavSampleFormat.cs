namespace VikaIvr.Media.Audio;

/// <summary>How the samples in a WAV data chunk are coded.</summary>
public enum WavSampleFormat
{
    /// <summary>Integer PCM: 8-bit unsigned, 16/24/32-bit signed little-endian.</summary>
    Pcm,

    /// <summary>IEEE float, 32 or 64 bits.</summary>
    Float,

    /// <summary>G.711 µ-law, 8 bits (format tag 7).</summary>
    MuLaw,

    /// <summary>G.711 A-law, 8 bits (format tag 6).</summary>
    ALaw,
}
