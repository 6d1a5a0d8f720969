using System.Diagnostics;

namespace VikaIvr.Jkn.Participants;

/// <summary>A repository whose every lookup is timed into <see cref="ParticipantLookupMetrics"/>; otherwise the repository it wraps.</summary>
public sealed class MeasuredParticipantRepository(IParticipantRepository inner, ParticipantLookupMetrics metrics) : IParticipantRepository
{
    public Task<Participant?> FindByNikAsync(string nik, CancellationToken ct) => MeasureAsync("nik", nik, inner.FindByNikAsync, ct);

    public Task<Participant?> FindByCardAsync(string cardNumber, CancellationToken ct) => MeasureAsync("card", cardNumber, inner.FindByCardAsync, ct);

    private async Task<Participant?> MeasureAsync(string key, string number, Func<string, CancellationToken, Task<Participant?>> find, CancellationToken ct)
    {
        long started = Stopwatch.GetTimestamp();
        string result = "error";
        try
        {
            var participant = await find(number, ct).ConfigureAwait(false);
            result = participant is null ? "not-found" : "found";
            return participant;
        }
        catch (OperationCanceledException)
        {
            result = "cancelled";
            throw;
        }
        finally
        {
            metrics.Looked(key, started, result);
        }
    }
}
