using System.Globalization;
using Microsoft.Extensions.Localization;
using VikaIvr.Server.Web.Text;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Web.Prompts;

/// <summary>How the prompts pages write a status, a length and a level.</summary>
public static class PromptFormat
{
    public static string Status(PromptStatus status, IStringLocalizer<PromptsText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return status switch
        {
            PromptStatus.Recorded => text["StatusRecorded"],
            PromptStatus.Synthesized => text["StatusSynthesized"],
            _ => text["StatusMissing"],
        };
    }

    /// <summary>"recorded", "placeholder", "missing": the status in the page's data-status attribute, for tests and styles.</summary>
    public static string StatusKey(PromptStatus status) => status switch
    {
        PromptStatus.Recorded => "recorded",
        PromptStatus.Synthesized => "placeholder",
        _ => "missing",
    };

    public static string Seconds(PromptInfo info) =>
        info.Levels is { } l ? l.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "";

    public static string Level(PromptInfo info) =>
        info.Levels is { } l ? Dbfs(l.ActiveLevelDbfs) : "";

    public static string Peak(PromptInfo info) =>
        info.Levels is { } l ? Dbfs(l.PeakDbfs) : "";

    public static string Size(long bytes) =>
        bytes >= 1048576 ? (bytes / 1048576.0).ToString("0.0 'MiB'", CultureInfo.InvariantCulture) : (bytes / 1024.0).ToString("0 'KiB'", CultureInfo.InvariantCulture);

    private static string Dbfs(double v) =>
        double.IsNegativeInfinity(v) ? "-∞ dBFS" : v.ToString("0.0", CultureInfo.InvariantCulture) + " dBFS";
}
