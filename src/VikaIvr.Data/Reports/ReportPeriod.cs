using System.Globalization;

namespace VikaIvr.Data.Reports;

/// <summary>
/// The period of a report, [<see cref="From"/>, <see cref="To"/>), as `vika report --from --to`
/// and the reports page take it. Times are ISO 8601 ("2026-12-05", "2026-12-05T08:00",
/// "2026-12-05T08:00:00+07:00", "…Z"); one without an offset is in the server's time zone. Without
/// either bound: the last 24 hours up to the end of the current hour; with one bound only, the 24
/// hours after --from or before --to.
/// </summary>
public readonly record struct ReportPeriod(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(24);

    /// <summary>The 24 hours ending where the current hour (in <paramref name="zone"/>) ends.</summary>
    public static ReportPeriod Default(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var to = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset).AddHours(1);
        return new ReportPeriod(to - DefaultLength, to);
    }

    /// <summary>The period the two optional bounds ask for; <paramref name="error"/> says what is wrong (then the result is the default).</summary>
    public static ReportPeriod Resolve(string? from, string? to, DateTimeOffset now, TimeZoneInfo zone, out string? error)
    {
        ArgumentNullException.ThrowIfNull(zone);
        error = null;
        var fallback = Default(now, zone);
        DateTimeOffset? f = null, t = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!TryParseTime(from, zone, out var v)) return Fail(fallback, out error, $"--from needs an ISO 8601 time such as 2026-12-05 or 2026-12-05T08:00:00+07:00, not '{from}'");
            f = v;
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!TryParseTime(to, zone, out var v)) return Fail(fallback, out error, $"--to needs an ISO 8601 time such as 2026-12-06 or 2026-12-06T08:00:00+07:00, not '{to}'");
            t = v;
        }

        var period = (f, t) switch
        {
            (null, null) => fallback,
            ({ } a, null) => new ReportPeriod(a, a + DefaultLength),
            (null, { } b) => new ReportPeriod(b - DefaultLength, b),
            ({ } a, { } b) => new ReportPeriod(a, b),
        };
        if (period.To <= period.From) return Fail(fallback, out error, $"--to ({to}) must be after --from ({from})");
        if (period.To - period.From > CallReportBuilder.MaxPeriod)
            return Fail(fallback, out error, $"a report covers at most {CallReportBuilder.MaxPeriod.TotalDays:0} days (one bar per hour); --from {from} --to {to} is longer");
        return period;
    }

    /// <summary>Parses an ISO 8601 date or time; without an offset it is a time in <paramref name="zone"/>.</summary>
    public static bool TryParseTime(string text, TimeZoneInfo zone, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        time = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)) return false;
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            // A local time a clock change skipped (or repeated) takes the zone's standard offset.
            time = new DateTimeOffset(parsed, zone.IsInvalidTime(parsed) ? zone.BaseUtcOffset : zone.GetUtcOffset(parsed));
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static ReportPeriod Fail(ReportPeriod fallback, out string? error, string message)
    {
        error = message;
        return fallback;
    }
}
