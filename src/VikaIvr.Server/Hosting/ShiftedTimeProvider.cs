namespace VikaIvr.Server.Hosting;

/// <summary>
/// The system clock moved to start at a chosen instant (`--clock`), so testers and scripts can run
/// the server "on" a given day: bills and arrears are computed from it; timers still run in real time.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public static TimeProvider FromOption(string? value)
    {
        if (string.IsNullOrEmpty(value)) return TimeProvider.System;
        if (!DateTimeOffset.TryParse(value, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var at))
            throw new Cli.CliException($"--clock needs an ISO 8601 time such as 2026-11-23T10:00:00+07:00, not '{value}'");
        return new ShiftedTimeProvider(at);
    }
}
