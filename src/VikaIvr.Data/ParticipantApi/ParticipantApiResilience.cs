using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace VikaIvr.Data.ParticipantApi;

/// <summary>
/// The lookups' resilience pipeline, outermost first: a total timeout (the caller's whole wait),
/// retries with exponential back-off and jitter on transient failures (5xx, 408, 429, refused or
/// reset connections, an attempt's timeout), a circuit breaker over the attempts, and each
/// attempt's timeout. The same shape as the library's standard handler, with budgets sized for a
/// caller on the line instead of its 30 s default.
/// </summary>
public static partial class ParticipantApiResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ParticipantApiOptions options, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        builder.TimeProvider = clock;
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.Timeout });
        if (options.Retries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // A Retry-After of seconds does not fit a caller's wait; the back-off stays ours.
                ShouldRetryAfterHeader = false,
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakFailureRatio,
            MinimumThroughput = options.BreakMinimumThroughput,
            SamplingDuration = options.BreakSamplingDuration,
            BreakDuration = options.BreakDuration,
            OnOpened = args =>
            {
                LogCircuitOpened(logger, (int)args.BreakDuration.TotalSeconds);
                return default;
            },
            OnHalfOpened = _ =>
            {
                LogCircuitHalfOpen(logger);
                return default;
            },
            OnClosed = _ =>
            {
                LogCircuitClosed(logger);
                return default;
            },
        });
        if (options.Retries > 0)
        {
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Participant service: circuit opened for {Seconds} s after failed lookups; lookups fail at once (callers hear system-busy) until a probe succeeds")]
    private static partial void LogCircuitOpened(ILogger logger, int seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Participant service: circuit half-open, the next lookup is the probe")]
    private static partial void LogCircuitHalfOpen(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Participant service: circuit closed, lookups go through again")]
    private static partial void LogCircuitClosed(ILogger logger);
}
