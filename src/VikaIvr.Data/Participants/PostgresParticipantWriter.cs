using Dapper;
using Npgsql;
using NpgsqlTypes;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Data.Participants;

/// <summary>
/// Inserts many participants into PostgreSQL: binary COPY into a temporary table, then one
/// INSERT … ON CONFLICT DO NOTHING, so rows whose NIK or card already exists are skipped as
/// with SQLite's <see cref="ParticipantWriter"/>.
/// </summary>
public sealed class PostgresParticipantWriter(PostgresDatabase database)
{
    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <returns>Rows inserted.</returns>
    public async Task<long> InsertAsync(IEnumerable<Participant> participants, string origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        await using var connection = await _database.Source.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            CREATE TEMP TABLE participants_load (nik text, card text, name text, birth_date text, segment text,
                care_class integer, status text, inactive_reason text, paid_through text) ON COMMIT DROP
            """, transaction: tx, cancellationToken: ct)).ConfigureAwait(false);

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY participants_load (nik, card, name, birth_date, segment, care_class, status, inactive_reason, paid_through) FROM STDIN (FORMAT BINARY)", ct)
            .ConfigureAwait(false))
        {
            foreach (var p in participants)
            {
                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(p.Nik, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(p.CardNumber, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(p.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(ParticipantColumns.BirthDate(p.BirthDate), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(SegmentCodes.Code(p.Segment), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(p.CareClass, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(ParticipantColumns.Status(p.Status), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(copy, ParticipantColumns.Reason(p.InactiveReason), ct).ConfigureAwait(false);
                await WriteNullableAsync(copy, p.PaidThrough?.ToString(), ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        long inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO participants (nik, card, name, birth_date, segment, care_class, status, inactive_reason, paid_through, origin)
            SELECT nik, card, name, birth_date, segment, care_class, status, inactive_reason, paid_through, @origin FROM participants_load
            ON CONFLICT DO NOTHING
            """, new { origin }, tx, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return inserted;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);
}
