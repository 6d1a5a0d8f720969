using VikaIvr.Data.Reports;

namespace VikaIvr.Data.Tests.Reports;

public sealed class ReportPeriodTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 3, 25, 10, TimeSpan.Zero); // 10:25 in Jakarta

    [Fact]
    public void The_default_is_the_24_hours_up_to_the_end_of_the_current_hour()
    {
        var p = ReportPeriod.Resolve(null, null, Now, Jakarta, out var error);

        Assert.Null(error);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 11, 0, 0, TimeSpan.FromHours(7)), p.To);
        Assert.Equal(TimeSpan.FromHours(7), p.To.Offset);
        Assert.Equal(p.To.AddHours(-24), p.From);
    }

    [Theory]
    [InlineData("2026-12-05", "2026-12-05T00:00:00+07:00")]
    [InlineData("2026-12-05T08:30", "2026-12-05T08:30:00+07:00")]
    [InlineData("2026-12-05T08:30:00+08:00", "2026-12-05T08:30:00+08:00")]
    [InlineData("2026-12-05T01:30:00Z", "2026-12-05T01:30:00+00:00")]
    public void Times_without_an_offset_are_in_the_server_time_zone(string text, string expected)
    {
        Assert.True(ReportPeriod.TryParseTime(text, Jakarta, out var t));
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, t);
        Assert.Equal(want.Offset, t.Offset);
    }

    [Fact]
    public void One_bound_gives_the_24_hours_beside_it()
    {
        var after = ReportPeriod.Resolve("2026-12-01", null, Now, Jakarta, out var e1);
        var before = ReportPeriod.Resolve(null, "2026-12-02", Now, Jakarta, out var e2);

        Assert.Null(e1);
        Assert.Null(e2);
        Assert.Equal(after, before);
        Assert.Equal(TimeSpan.FromHours(24), after.To - after.From);
    }

    [Theory]
    [InlineData("yesterday", null, "--from needs an ISO 8601 time")]
    [InlineData("2026-12-05", "2026-13-01", "--to needs an ISO 8601 time")]
    [InlineData("2026-12-05", "2026-12-05", "--to (2026-12-05) must be after --from (2026-12-05)")]
    [InlineData("2026-12-05", "2026-12-04", "must be after")]
    [InlineData("2026-10-01", "2026-12-01", "at most 31 days")]
    public void Bad_bounds_say_what_is_wrong(string? from, string? to, string message)
    {
        ReportPeriod.Resolve(from, to, Now, Jakarta, out var error);

        Assert.NotNull(error);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
