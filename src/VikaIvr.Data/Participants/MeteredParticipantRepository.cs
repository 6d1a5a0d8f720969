using VikaIvr.Jkn.Participants;

namespace VikaIvr.Data.Participants;

/// <summary>Counts the lookups the store could not answer (<see cref="DataMetrics"/>), then lets the failure go on to the flow.</summary>
public sealed class MeteredParticipantRepository(IParticipantRepository inner, DataMetrics metrics) : IParticipantRepository
{
    private readonly IParticipantRepository _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly DataMetrics _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));

    public async Task<Participant?> FindByNikAsync(string nik, CancellationToken ct)
    {
        try
        {
            return await _inner.FindByNikAsync(nik, ct).ConfigureAwait(false);
        }
        catch (DataStoreException)
        {
            _metrics.Error("participant-lookup");
            throw;
        }
    }

    public async Task<Participant?> FindByCardAsync(string cardNumber, CancellationToken ct)
    {
        try
        {
            return await _inner.FindByCardAsync(cardNumber, ct).ConfigureAwait(false);
        }
        catch (DataStoreException)
        {
            _metrics.Error("participant-lookup");
            throw;
        }
    }
}
