namespace VikaIvr.Media.Audio;

/// <summary>The sample coding <see cref="WavWriter"/> writes.</summary>
public enum WavEncoding
{
    Pcm16,
    MuLaw,
    ALaw,
    Pcm8,
    Pcm24,
    Pcm32,
    Float32,
}
