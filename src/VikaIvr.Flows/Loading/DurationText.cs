using System.Globalization;

namespace VikaIvr.Flows.Loading;

/// <summary>Durations as written in flow files and scripts: "5s", "300ms", "1.5s", "2m"; a bare number is seconds.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        double scale;
        if (s.EndsWith("ms", StringComparison.OrdinalIgnoreCase)) { scale = 0.001; s = s[..^2]; }
        else if (s.EndsWith('s') || s.EndsWith('S')) { scale = 1; s = s[..^1]; }
        else if (s.EndsWith('m') || s.EndsWith('M')) { scale = 60; s = s[..^1]; }
        else if (s.EndsWith('h') || s.EndsWith('H')) { scale = 3600; s = s[..^1]; }
        else scale = 1;

        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out double n) || double.IsNaN(n) || Math.Abs(n * scale) > 1e6)
            return false;
        value = TimeSpan.FromSeconds(n * scale);
        return true;
    }
}
