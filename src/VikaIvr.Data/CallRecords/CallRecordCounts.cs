using Dapper;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Counts over call_records by started_at for the console's dashboard: calls in a period, and the
/// outcomes of those that ended. Every node's records count (a shared PostgreSQL holds them all).
/// The period is the one rule of <see cref="CallRecordRowMapping.PeriodSql"/>, on the started_at index.
/// </summary>
public sealed class CallRecordCounts(IDbConnectionFactory connections)
{
    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>Calls that started in [<paramref name="from"/>, <paramref name="to"/>), in progress or ended.</summary>
    public async Task<long> StartedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        return await RunAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM call_records WHERE " + CallRecordRowMapping.PeriodSql,
            CallRecordRowMapping.Period(from, to), cancellationToken: ct)), ct).ConfigureAwait(false);
    }

    /// <summary>The outcomes of the calls that started in the period and have ended, most frequent first ("" for none).</summary>
    public async Task<IReadOnlyList<OutcomeCount>> OutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        return await RunAsync<IReadOnlyList<OutcomeCount>>(async connection =>
        {
            var counts = await connection.QueryAsync<OutcomeCount>(new CommandDefinition(
                $"""
                SELECT outcome AS Outcome, COUNT(*) AS Count FROM call_records
                WHERE {CallRecordRowMapping.PeriodSql} AND end_reason <> '{DbCallRecordStore.InProgress}'
                GROUP BY outcome
                """,
                CallRecordRowMapping.Period(from, to), cancellationToken: ct)).ConfigureAwait(false);
            return [.. counts.OrderByDescending(o => o.Count).ThenBy(o => o.Outcome, StringComparer.Ordinal)];
        }, ct).ConfigureAwait(false);
    }

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
}
