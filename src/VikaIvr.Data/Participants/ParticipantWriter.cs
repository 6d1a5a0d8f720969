using Microsoft.Data.Sqlite;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Data.Participants;

/// <summary>
/// Inserts many participants fast: one prepared command whose parameters are rebound per row,
/// committed in large transactions (SQLite's cost is per commit, not per row).
/// </summary>
public sealed class ParticipantWriter
{
    public const int DefaultBatchSize = 100_000;

    private readonly SqliteDatabase _database;

    public ParticipantWriter(SqliteDatabase database) =>
        _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <param name="origin">"synthetic", "demo" or "manual": recorded per row so generated data can be told apart.</param>
    /// <returns>Rows inserted; rows whose NIK or card already exists are skipped.</returns>
    public async Task<long> InsertAsync(IEnumerable<Participant> participants, string origin, CancellationToken ct, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        await using var connection = await _database.OpenSqliteAsync(ct).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = ParticipantColumns.Insert.Replace("INSERT INTO", "INSERT OR IGNORE INTO", StringComparison.Ordinal);
        var nik = command.Parameters.Add("@nik", SqliteType.Text);
        var card = command.Parameters.Add("@card", SqliteType.Text);
        var name = command.Parameters.Add("@name", SqliteType.Text);
        var birth = command.Parameters.Add("@birth_date", SqliteType.Text);
        var segment = command.Parameters.Add("@segment", SqliteType.Text);
        var careClass = command.Parameters.Add("@care_class", SqliteType.Integer);
        var status = command.Parameters.Add("@status", SqliteType.Text);
        var reason = command.Parameters.Add("@inactive_reason", SqliteType.Text);
        var paid = command.Parameters.Add("@paid_through", SqliteType.Text);
        command.Parameters.AddWithValue("@origin", origin);

        long inserted = 0;
        int inBatch = 0;
        var tx = connection.BeginTransaction();
        try
        {
            command.Transaction = tx;
            command.Prepare();
            foreach (var p in participants)
            {
                ct.ThrowIfCancellationRequested();
                nik.Value = p.Nik;
                card.Value = p.CardNumber;
                name.Value = p.Name;
                birth.Value = ParticipantColumns.BirthDate(p.BirthDate);
                segment.Value = SegmentCodes.Code(p.Segment);
                careClass.Value = p.CareClass;
                status.Value = ParticipantColumns.Status(p.Status);
                reason.Value = (object?)ParticipantColumns.Reason(p.InactiveReason) ?? DBNull.Value;
                paid.Value = (object?)p.PaidThrough?.ToString() ?? DBNull.Value;
                inserted += command.ExecuteNonQuery();

                if (++inBatch == batchSize)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = connection.BeginTransaction();
                    command.Transaction = tx;
                    inBatch = 0;
                }
            }
            tx.Commit();
        }
        finally
        {
            tx.Dispose();
        }

        // Fold the bulk load's WAL into the file now rather than leave a large WAL behind for
        // every later reader to consult until an automatic checkpoint gets to it.
        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        return inserted;
    }
}
