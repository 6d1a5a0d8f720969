namespace VikaIvr.Jkn.Time;

/// <summary>
/// Local time of the service (Asia/Jakarta, WIB). A fixed +07:00 offset because the build uses
/// invariant globalization (no tz database lookups) and Indonesia has no daylight saving time.
/// </summary>
public static class JakartaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => Today(clock.GetUtcNow());

    public static YearMonth CurrentMonth(DateTimeOffset now) => YearMonth.FromDate(Today(now));

    public static YearMonth CurrentMonth(TimeProvider clock) => CurrentMonth(clock.GetUtcNow());
}
