using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace VikaIvr.Server.Web.Pages.Calls;

/// <summary>
/// How the calls pages write times, durations and links. Times are shown in Jakarta time (WIB), the
/// line's home zone; the filter's datetime-local inputs are read in the same zone.
/// </summary>
public static class CallsFormat
{
    public const string ZoneName = "WIB (UTC+07:00)";

    /// <summary>Western Indonesia Time: UTC+7 all year (no daylight saving), so a fixed offset is exact.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");

    public static string Time(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? t) => t is { } v ? Time(v) : "—";

    /// <summary>"4 m 05 s", "12.3 s"; "—" when unknown.</summary>
    public static string Duration(TimeSpan? d) => d switch
    {
        null => "—",
        { TotalMinutes: >= 1 } v => string.Create(CultureInfo.InvariantCulture, $"{(int)v.TotalMinutes} m {v.Seconds:00} s"),
        { } v => v.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
    };

    /// <summary>"850 ms" under a second, else as <see cref="Duration"/>; "—" when unknown.</summary>
    public static string Milliseconds(long? ms) => ms switch
    {
        null => "—",
        < 1000 and var v => v.ToString(CultureInfo.InvariantCulture) + " ms",
        var v => Duration(TimeSpan.FromMilliseconds(v.Value)),
    };

    /// <summary>"+12.3 s" since the answer.</summary>
    public static string Offset(long? ms) => ms is { } v ? "+" + (v / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s" : "—";

    public static string Link(string path, IDictionary<string, string?> values) => QueryHelpers.AddQueryString(path, values);

    /// <summary>The call's page (call ids carry '@' and the like: escaped as one path segment).</summary>
    public static string CallLink(string callId) => "/calls/" + Uri.EscapeDataString(callId);
}
