using VikaIvr.Media.Srtp;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>The words <c>Media:Srtp</c> takes.</summary>
public static class SrtpModeNames
{
    public const string Expected = "off, optional or required";

    public static bool TryParse(string? value, out SrtpMode mode)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "off":
                mode = SrtpMode.Off;
                return true;
            case "optional":
                mode = SrtpMode.Optional;
                return true;
            case "required":
                mode = SrtpMode.Required;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    /// <summary>For validated settings: an unknown word was refused at start.</summary>
    public static SrtpMode Parse(string value) => TryParse(value, out var mode) ? mode : throw new FormatException("Media:Srtp must be " + Expected + ".");
}
