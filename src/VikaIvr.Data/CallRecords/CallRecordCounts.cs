using System.Globalization;
using Dapper;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Counts over call_records by started_at for the console's dashboard: calls in a period, and the
/// outcomes of those that ended. Every node's records count (a shared PostgreSQL holds them all).
/// started_at is ISO 8601 text with the offset the call's clock gave: the server's is UTC
/// ("+00:00"), and those rows are counted in SQL over the text range (on its index); rows written
/// with another offset (a simulation's clock) are few, read within a range widened by the largest
/// offsets and counted here, so the answer is exact either way.
/// </summary>
public sealed class CallRecordCounts(IDbConnectionFactory connections)
{
    private const string Utc = "%+00:00";
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>Calls that started in [<paramref name="from"/>, <paramref name="to"/>), in progress or ended.</summary>
    public async Task<long> StartedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        return await RunAsync(async connection =>
        {
            long utc = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM call_records WHERE started_at >= @from AND started_at < @to AND started_at LIKE @utc",
                Range(from, to), cancellationToken: ct)).ConfigureAwait(false);
            var others = await OtherOffsetsAsync(connection, from, to, ct).ConfigureAwait(false);
            return utc + others.Count;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The outcomes of the calls that started in the period and have ended, most frequent first ("" for none).</summary>
    public async Task<IReadOnlyList<OutcomeCount>> OutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        return await RunAsync<IReadOnlyList<OutcomeCount>>(async connection =>
        {
            var counts = (await connection.QueryAsync<OutcomeCount>(new CommandDefinition(
                """
                SELECT outcome AS Outcome, COUNT(*) AS Count FROM call_records
                WHERE started_at >= @from AND started_at < @to AND started_at LIKE @utc AND end_reason <> 'in-progress'
                GROUP BY outcome
                """,
                Range(from, to), cancellationToken: ct)).ConfigureAwait(false)).ToDictionary(o => o.Outcome, o => o.Count, StringComparer.Ordinal);
            foreach (var row in await OtherOffsetsAsync(connection, from, to, ct).ConfigureAwait(false))
            {
                if (row.EndReason == DbCallRecordStore.InProgress) continue;
                counts[row.Outcome] = counts.GetValueOrDefault(row.Outcome) + 1;
            }

            return [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new OutcomeCount { Outcome = p.Key, Count = p.Value })];
        }, ct).ConfigureAwait(false);
    }

    private static async Task<List<OtherRow>> OtherOffsetsAsync(System.Data.Common.DbConnection connection, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<OtherRow>(new CommandDefinition(
            """
            SELECT started_at AS StartedAt, outcome AS Outcome, end_reason AS EndReason FROM call_records
            WHERE started_at >= @from AND started_at < @to AND started_at NOT LIKE @utc
            """,
            Range(from - MaxOffset, to + MaxOffset), cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Where(r => DateTimeOffset.TryParse(r.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && t >= from && t < to)];
    }

    private static object Range(DateTimeOffset from, DateTimeOffset to) => new
    {
        from = CallRecordRowMapping.Time(from.ToUniversalTime()),
        to = CallRecordRowMapping.Time(to.ToUniversalTime()),
        utc = Utc,
    };

    private async Task<T> RunAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> work, CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Counting call records failed: {ex.Message}", ex);
        }
    }

    private sealed class OtherRow
    {
        public string StartedAt { get; set; } = "";

        public string Outcome { get; set; } = "";

        public string EndReason { get; set; } = "";
    }
}
