namespace VikaIvr.Media.Audio;

/// <summary>
/// One call from any WAV (or decoded audio) to 8 kHz mono 16-bit PCM, the form prompts and
/// synthesized speech take inside the server: read, mix down, resample, optionally normalise.
/// </summary>
public static class TelephonyAudio
{
    public const int SampleRate = 8000;

    public static short[] ReadWav(string path, LoudnessOptions? loudness = null) =>
        Convert(WavReader.Read(path), loudness);

    public static short[] ReadWav(Stream stream, string name, LoudnessOptions? loudness = null) =>
        Convert(WavReader.Read(stream, name), loudness);

    public static short[] Convert(PcmAudio audio, LoudnessOptions? loudness = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return Convert(audio.Samples, audio.SampleRate, loudness);
    }

    public static short[] Convert(ReadOnlySpan<short> samples, int sampleRate, LoudnessOptions? loudness = null) =>
        Convert(SampleConvert.ToFloat(samples), sampleRate, loudness);

    public static short[] Convert(ReadOnlySpan<float> samples, int sampleRate, LoudnessOptions? loudness = null)
    {
        var converted = sampleRate == SampleRate
            ? samples.ToArray()
            : new Resampler(sampleRate, SampleRate).Process(samples);
        if (loudness is not null)
        {
            LoudnessNormalizer.Normalize(converted, SampleRate, loudness);
        }

        return SampleConvert.ToPcm16(converted);
    }
}
