using Dapper;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Data.Participants;

/// <summary>
/// Participant lookups by NIK or card number (both unique-indexed). Any failure of the store
/// surfaces as <see cref="DataStoreException"/> (the flow plays system-busy); an unknown
/// number is null. Tests make the store unavailable through the connection factory.
/// </summary>
public sealed class SqliteParticipantRepository(IDbConnectionFactory connections) : IParticipantRepository
{
    private const string ByNik = ParticipantColumns.Select + " WHERE nik = @key";
    private const string ByCard = ParticipantColumns.Select + " WHERE card = @key";

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    public Task<Participant?> FindByNikAsync(string nik, CancellationToken ct) => FindAsync(ByNik, nik, "NIK", ct);

    public Task<Participant?> FindByCardAsync(string cardNumber, CancellationToken ct) => FindAsync(ByCard, cardNumber, "card number", ct);

    private async Task<Participant?> FindAsync(string sql, string key, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            var row = await connection.QuerySingleOrDefaultAsync<ParticipantRow>(
                new CommandDefinition(sql, new { key }, cancellationToken: ct)).ConfigureAwait(false);
            return row is null ? null : ParticipantColumns.ToParticipant(row);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not DataStoreException)
        {
            // The key is personal and stays out of the message; the driver's message names the cause.
            throw new DataStoreException($"Participant lookup by {what} failed: {ex.Message}", ex);
        }
    }
}
