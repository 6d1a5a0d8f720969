using Microsoft.Extensions.Time.Testing;

namespace VikaIvr.Jkn.Tests;

internal static class TestClock
{
    /// <summary>15 November 2026, 10:00 in Jakarta: the current month M is 2026-11.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 15, 10, 0, 0, TimeSpan.FromHours(7));

    public static FakeTimeProvider Create() => new(Now);

    public static DateOnly Today => new(2026, 11, 15);
}
