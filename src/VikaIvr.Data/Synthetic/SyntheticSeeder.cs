using Dapper;
using VikaIvr.Data.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Data.Synthetic;

/// <summary>What <c>vika db seed --synthetic N</c> runs: N more synthetic participants, continuing after those already there.</summary>
public sealed class SyntheticSeeder(IVikaDatabase database, TimeProvider clock)
{
    public const string Origin = "synthetic";

    private readonly IVikaDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <returns>Rows inserted.</returns>
    public async Task<long> SeedAsync(int count, CancellationToken ct, int seed = 165)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long existing;
        await using (var connection = await _database.OpenAsync(ct).ConfigureAwait(false))
        {
            existing = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition("SELECT COUNT(*) FROM participants WHERE origin = @Origin", new { Origin }, cancellationToken: ct))
                .ConfigureAwait(false);
        }

        var participants = new SyntheticParticipantGenerator(seed).Generate(existing, count, JakartaTime.Today(_clock));
        return _database switch
        {
            SqliteDatabase sqlite => await new ParticipantWriter(sqlite).InsertAsync(participants, Origin, ct).ConfigureAwait(false),
            PostgresDatabase postgres => await new PostgresParticipantWriter(postgres).InsertAsync(participants, Origin, ct).ConfigureAwait(false),
            _ => throw new NotSupportedException($"Synthetic participants for the {_database.Provider} store."),
        };
    }
}
