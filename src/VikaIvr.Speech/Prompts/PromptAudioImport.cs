using VikaIvr.Media.Audio;

namespace VikaIvr.Speech.Prompts;

/// <summary>
/// The one rule for turning an operator's WAV into a prompt: any WAV the reader takes (rate, depth,
/// channels, µ-law, A-law, float), at most <see cref="PromptImportLimits.MaxBytes"/> and
/// <see cref="PromptImportLimits.MaxDuration"/>, not silent; converted to 8 kHz mono and
/// loudness-normalised. Anything else is refused with a <see cref="PromptAudioRejectedException"/>.
/// </summary>
public static class PromptAudioImport
{
    public static PreparedPromptAudio Prepare(ReadOnlySpan<byte> file, string name, PromptImportLimits limits, LoudnessOptions loudness)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(loudness);
        CheckSize(file.Length, name, limits);
        PcmAudio audio;
        try
        {
            // The header first: a long file is refused before its samples are decoded.
            var (format, frames) = WavReader.ReadInfo(file, name);
            var duration = TimeSpan.FromSeconds(frames / (double)format.SampleRate);
            if (duration > limits.MaxDuration)
            {
                throw new PromptAudioRejectedException(PromptAudioRejection.TooLong,
                    $"{name}: too long ({duration.TotalSeconds:0.0} s; a prompt may last at most {limits.MaxDuration.TotalSeconds:0} s)");
            }

            audio = WavReader.Read(file, name);
        }
        catch (WavFormatException ex)
        {
            throw new PromptAudioRejectedException(PromptAudioRejection.NotWav, ex.Message, ex);
        }

        if (audio.Samples.Length == 0)
            throw new PromptAudioRejectedException(PromptAudioRejection.Silent, $"{name}: no audio (the file holds no samples)");
        var levels = AudioLevels.Measure(audio.Samples, audio.SampleRate);
        if (levels.IsSilent || levels.PeakDbfs < limits.SilentPeakDbfs)
        {
            throw new PromptAudioRejectedException(PromptAudioRejection.Silent,
                $"{name}: silent (peak {(double.IsFinite(levels.PeakDbfs) ? $"{levels.PeakDbfs:0.0} dBFS" : "digital silence")}; nothing to play)");
        }

        return new PreparedPromptAudio(TelephonyAudio.Convert(audio, loudness), levels);
    }

    /// <summary>Refuses a file by its size alone (before it is read or uploaded in full).</summary>
    public static void CheckSize(long bytes, string name, PromptImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes > limits.MaxBytes)
        {
            throw new PromptAudioRejectedException(PromptAudioRejection.TooBig,
                $"{name}: too big ({bytes / 1048576.0:0.0} MiB; at most {limits.MaxBytes / 1048576.0:0.#} MiB)");
        }
    }
}
