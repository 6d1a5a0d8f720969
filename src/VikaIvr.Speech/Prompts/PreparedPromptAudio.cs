using VikaIvr.Media.Audio;

namespace VikaIvr.Speech.Prompts;

/// <summary>An operator's file turned into a prompt: 8 kHz 16-bit mono, loudness-normalised, and
/// the levels the file had before (to warn about clipping in the source).</summary>
public sealed record PreparedPromptAudio(short[] Samples, AudioMeasurement SourceLevels)
{
    /// <summary>The prompt's WAV file, byte for byte as the prompt library writes it.</summary>
    public byte[] ToWav() => WavWriter.ToBytes(Samples, TelephonyAudio.SampleRate);
}
