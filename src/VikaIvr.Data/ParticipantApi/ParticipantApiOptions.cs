namespace VikaIvr.Data.ParticipantApi;

/// <summary>
/// How the HTTP participant service is asked (see README.md beside this file for its JSON
/// contract). <see cref="Timeout"/> is the caller's whole wait for one lookup, retries included;
/// each attempt gets an equal share of it, so a hung service still leaves room for a retry.
/// </summary>
public sealed record ParticipantApiOptions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> and of its resilience pipeline.</summary>
    public const string ClientName = "participant-api";

    /// <summary>The service root; lookups are GET {BaseAddress}participants/nik/{nik} and .../card/{card}.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The most a lookup may take, retries and their back-off included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after a transient failure (5xx, 408, 429, refused or reset connection, attempt timeout); 0 = none.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>The first retry's back-off; later ones double it, each with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an answer (found or not found) is reused; zero = no cache.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most answers the cache holds; beyond it new answers are not kept until it is compacted.</summary>
    public int CacheCapacity { get; init; } = 10_000;

    /// <summary>A larger answer body is refused: one participant is a few hundred bytes.</summary>
    public int MaxResponseBytes { get; init; } = 64 * 1024;

    /// <summary>The circuit opens when at least this share of the attempts in <see cref="BreakSamplingDuration"/> failed...</summary>
    public double BreakFailureRatio { get; init; } = 0.5;

    /// <summary>...and there were at least this many of them (Polly needs 2 or more).</summary>
    public int BreakMinimumThroughput { get; init; } = 10;

    public TimeSpan BreakSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>While open, lookups fail at once without a request; then one probe decides whether it closes.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Each attempt's share of <see cref="Timeout"/> (Polly allows no less than 10 ms).</summary>
    public TimeSpan AttemptTimeout => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, Timeout.Ticks / (Retries + 1)));
}
