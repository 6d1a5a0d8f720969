namespace VikaIvr.Media.Audio;

/// <summary>What a WAV file held before it was decoded and mixed down.</summary>
/// <param name="Format">The sample coding.</param>
/// <param name="BitsPerSample">Container bits per sample (8, 16, 24, 32 or 64).</param>
/// <param name="Channels">Channels in the file (the decoded audio is always mono).</param>
/// <param name="SampleRate">Samples per second per channel.</param>
/// <param name="Extensible">True when the fmt chunk used WAVE_FORMAT_EXTENSIBLE.</param>
public sealed record WavFormatInfo(WavSampleFormat Format, int BitsPerSample, int Channels, int SampleRate, bool Extensible)
{
    public override string ToString()
    {
        var kind = Format switch
        {
            WavSampleFormat.Pcm => $"PCM {BitsPerSample}-bit",
            WavSampleFormat.Float => $"float {BitsPerSample}-bit",
            WavSampleFormat.MuLaw => "µ-law",
            _ => "A-law",
        };
        return $"{kind}, {SampleRate} Hz, {Channels} ch{(Extensible ? " (extensible)" : string.Empty)}";
    }
}
