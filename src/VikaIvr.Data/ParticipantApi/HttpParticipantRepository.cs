using System.Net;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Data.ParticipantApi;

/// <summary>
/// Participants from an HTTP JSON service (README.md beside this file): GET
/// participants/nik/{nik} or participants/card/{card}; 200 with the participant, 404 when the
/// number is unknown. Recent answers come from <see cref="ParticipantAnswerCache"/>. Every
/// failure — no answer in time, refused connection, 5xx after the retries, an open circuit, any
/// other status, a body that is not a participant or too large — is a
/// <see cref="DataStoreException"/> (the flow plays system-busy), whose message names the cause
/// and never the number asked for. One instance per process (it holds the cache).
/// </summary>
public sealed partial class HttpParticipantRepository(
    IHttpClientFactory clients, ParticipantApiOptions options, ParticipantAnswerCache cache, TimeProvider clock,
    ILogger<HttpParticipantRepository> log) : IParticipantRepository
{
    public Task<Participant?> FindByNikAsync(string nik, CancellationToken ct) =>
        FindAsync(new ParticipantKey(ParticipantKeyKind.Nik, nik ?? throw new ArgumentNullException(nameof(nik))), ct);

    public Task<Participant?> FindByCardAsync(string cardNumber, CancellationToken ct) =>
        FindAsync(new ParticipantKey(ParticipantKeyKind.Card, cardNumber ?? throw new ArgumentNullException(nameof(cardNumber))), ct);

    /// <summary>A NIK no participant has (its birth date part is invalid), asked by <see cref="ProbeAsync"/>.</summary>
    public const string ProbeNik = "0000000000000000";

    /// <summary>
    /// Asks once for <see cref="ProbeNik"/> (the answer is expected to be 404), not through the
    /// cache: at start, so the first caller does not pay for the first connection and the first
    /// run of the HTTP and resilience code (hundreds of ms), and the log says at once whether the
    /// service answers. Never throws for the service's failures: it returns false and logs why.
    /// </summary>
    public async Task<bool> ProbeAsync(CancellationToken ct)
    {
        long started = clock.GetTimestamp();
        try
        {
            await AskAsync(new ParticipantKey(ParticipantKeyKind.Nik, ProbeNik), ct).ConfigureAwait(false);
        }
        catch (DataStoreException ex)
        {
            LogProbeFailed(options.BaseAddress.Authority, ex.Message);
            return false;
        }

        LogProbeAnswered(options.BaseAddress.Authority, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private async Task<Participant?> FindAsync(ParticipantKey key, CancellationToken ct)
    {
        if (cache.TryGet(key, out var cached))
        {
            LogCacheHit(key.PathSegment, key.Masked, cached is not null);
            return cached;
        }

        long started = clock.GetTimestamp();
        var participant = await AskAsync(key, ct).ConfigureAwait(false);
        cache.Set(key, participant);
        LogAnswered(key.PathSegment, key.Masked, participant is not null, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return participant;
    }

    private async Task<Participant?> AskAsync(ParticipantKey key, CancellationToken ct)
    {
        var client = clients.CreateClient(ParticipantApiOptions.ClientName);
        string path = $"participants/{key.PathSegment}/{Uri.EscapeDataString(key.Value)}";
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(path, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Failure(key, Describe(ex), ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (response.StatusCode != HttpStatusCode.OK)
                throw Failure(key, $"the service answered {(int)response.StatusCode} {PersonalData.ScrubDigits(response.ReasonPhrase)}".TrimEnd(), null);

            // BoundedBodyHandler has read the body into memory already.
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (!ParticipantJson.TryRead(body, out var participant, out string error))
                throw Failure(key, "the service answered garbage: " + PersonalData.ScrubDigits(error), null);
            string asked = key.Kind == ParticipantKeyKind.Nik ? participant!.Nik : participant!.CardNumber;
            if (!string.Equals(asked, key.Value, StringComparison.Ordinal))
                throw Failure(key, $"the service answered garbage: another participant's {key.Description}", null);
            return participant;
        }
    }

    private string Describe(Exception ex) => ex switch
    {
        TimeoutRejectedException or TaskCanceledException => $"no answer within {(long)options.Timeout.TotalMilliseconds} ms",
        BrokenCircuitException => "the circuit is open after recent failures (no request sent)",
        ParticipantApiBodyTooLargeException => ex.Message,
        HttpRequestException http => "the service cannot be reached: " + PersonalData.ScrubDigits(http.Message),
        _ => PersonalData.ScrubDigits($"{ex.GetType().Name}: {ex.Message}"),
    };

    // Logged at Debug only: the flow logs the failure (with this message) as the call's system-busy warning.
    private DataStoreException Failure(ParticipantKey key, string reason, Exception? inner)
    {
        LogFailed(key.PathSegment, key.Masked, reason);
        string message = $"Participant lookup by {key.Description} at the participant service failed: {reason}";
        return inner is null ? new DataStoreException(message) : new DataStoreException(message, inner);
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Participant service at {Authority} answered the start probe in {Ms} ms")]
    private partial void LogProbeAnswered(string authority, long ms);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Participant service at {Authority} did not answer the start probe ({Reason}); every call still asks it, and callers hear system-busy while it fails")]
    private partial void LogProbeFailed(string authority, string reason);

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Participant service: {Kind} {Key} from the cache (found: {Found})")]
    private partial void LogCacheHit(string kind, string key, bool found);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Participant service: {Kind} {Key} answered in {Ms} ms (found: {Found})")]
    private partial void LogAnswered(string kind, string key, bool found, long ms);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Participant service: lookup of {Kind} {Key} failed: {Reason}")]
    private partial void LogFailed(string kind, string key, string reason);
}
