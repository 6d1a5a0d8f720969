using VikaIvr.Jkn.Participants;

namespace VikaIvr.Jkn.Tests;

internal sealed class InMemoryParticipantRepository(IEnumerable<Participant> participants) : IParticipantRepository
{
    private readonly List<Participant> _participants = [.. participants];

    public Exception? Failure { get; set; }
    public int Lookups { get; private set; }

    public Task<Participant?> FindByNikAsync(string nik, CancellationToken ct) => Find(p => p.Nik == nik);

    public Task<Participant?> FindByCardAsync(string cardNumber, CancellationToken ct) => Find(p => p.CardNumber == cardNumber);

    private Task<Participant?> Find(Func<Participant, bool> match)
    {
        Lookups++;
        if (Failure is not null) return Task.FromException<Participant?>(Failure);
        return Task.FromResult(_participants.FirstOrDefault(match));
    }
}
