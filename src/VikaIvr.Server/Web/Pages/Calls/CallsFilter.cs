using System.Globalization;
using VikaIvr.Data.CallRecords;

namespace VikaIvr.Server.Web.Pages.Calls;

/// <summary>
/// The calls list's GET parameters as the form sends them, read leniently (a value that does not
/// parse is left out, an out-of-range page size is brought into range) and turned into a query.
/// Times are wall-clock times of the console's zone (datetime-local inputs carry no offset).
/// </summary>
public sealed class CallsFilter
{
    public const string TimeFormat = "yyyy-MM-ddTHH:mm";

    public string? From { get; set; }
    public string? To { get; set; }
    public string? Outcome { get; set; }
    public string? Reason { get; set; }
    public string? Node { get; set; }
    public int? Size { get; set; }
    public long? Before { get; set; }
    public long? After { get; set; }

    public CallRecordQuery ToQuery(TimeZoneInfo zone) => new()
    {
        From = Time(From, zone),
        To = Time(To, zone),
        Outcome = Blank(Outcome),
        EndReason = Blank(Reason),
        Node = Blank(Node),
        PageSize = Math.Clamp(Size ?? CallRecordQuery.DefaultPageSize, 1, CallRecordQuery.MaxPageSize),
        Before = After is null ? Before : null,
        After = After,
    };

    /// <summary>The filter's parameters (without the page cursor), for links that keep it.</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["from"] = Blank(From),
        ["to"] = Blank(To),
        ["outcome"] = Blank(Outcome),
        ["reason"] = Blank(Reason),
        ["node"] = Blank(Node),
        ["size"] = Size?.ToString(CultureInfo.InvariantCulture),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateTimeOffset? Time(string? text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(Blank(text), [TimeFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
