using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Jkn.Verification;

/// <summary>
/// Checks a typed number (NIK or card) and birth date together. Any mismatch — unknown number,
/// wrong birth date, malformed entry — gives the same answer (null), so a caller cannot learn
/// which half was wrong. Repository failures propagate.
/// </summary>
public sealed class ParticipantVerifier(IParticipantRepository repository)
{
    private readonly IParticipantRepository _repository = repository ?? throw new ArgumentNullException(nameof(repository));

    /// <returns>The participant when both match; null otherwise.</returns>
    public async Task<Participant?> VerifyAsync(string id, string birthDateDigits, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(birthDateDigits);
        if (!BirthDateEntry.TryParse(birthDateDigits, today, out var birthDate)) return null;

        Participant? participant;
        if (id.Length == Nik.Length && Nik.IsValid(id, today))
            participant = await _repository.FindByNikAsync(id, ct).ConfigureAwait(false);
        else if (KisCardNumber.IsValid(id))
            participant = await _repository.FindByCardAsync(id, ct).ConfigureAwait(false);
        else
            return null;

        return participant is not null && participant.BirthDate == birthDate ? participant : null;
    }
}
