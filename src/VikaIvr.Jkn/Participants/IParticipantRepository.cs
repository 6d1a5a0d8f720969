namespace VikaIvr.Jkn.Participants;

/// <summary>
/// Where participants are looked up. Returns null for an unknown number. A store that cannot
/// answer (unavailable, corrupt) throws; the flow turns that into system-busy.
/// </summary>
public interface IParticipantRepository
{
    Task<Participant?> FindByNikAsync(string nik, CancellationToken ct);

    Task<Participant?> FindByCardAsync(string cardNumber, CancellationToken ct);
}
