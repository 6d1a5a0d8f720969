using VikaIvr.Media.Rtp;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>The codec names Media:Codecs takes.</summary>
public static class CodecNames
{
    public const string Expected = "PCMU or PCMA";

    public static bool TryParse(string? name, out RtpAudioCodec codec)
    {
        codec = default;
        if (string.Equals(name, "PCMU", StringComparison.OrdinalIgnoreCase))
        {
            codec = RtpAudioCodec.Pcmu;
            return true;
        }

        if (string.Equals(name, "PCMA", StringComparison.OrdinalIgnoreCase))
        {
            codec = RtpAudioCodec.Pcma;
            return true;
        }

        return false;
    }

    public static RtpAudioCodec Parse(string name) =>
        TryParse(name, out var codec) ? codec : throw new FormatException($"unknown codec '{name}' ({Expected})");
}
