using VikaIvr.Media.Audio;

namespace VikaIvr.Fuzz.Targets;

/// <summary>An uploaded or shipped prompt file: WavFormatException is the only refusal.</summary>
internal sealed class WavTarget : IFuzzTarget
{
    public string Name => "wav";

    public string Covers => "WavReader.Read/ReadInfo (chunks, WavFormatParser, WavSampleDecoder)";

    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = WavReader.ReadInfo(input, "fuzz.wav");
            var audio = WavReader.Read(input, "fuzz.wav");
            _ = (audio.Duration, audio.ToPcm16().Length);
        }
        catch (WavFormatException)
        {
        }
    }
}
