using Dapper;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Counts over call_records by started_at for the console's dashboard: calls in a period, and the
/// outcomes of those that ended. Every node's records count (a shared PostgreSQL holds them all).
/// started_at is stored as ISO 8601 in UTC, so a period is a plain text range on its index.
/// </summary>
public sealed class CallRecordCounts(IDbConnectionFactory connections)
{
    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>Calls that started in [<paramref name="from"/>, <paramref name="to"/>), in progress or ended.</summary>
    public Task<long> StartedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        RunAsync(async connection => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM call_records WHERE started_at >= @from AND started_at < @to",
            Range(from, to), cancellationToken: ct)).ConfigureAwait(false), ct);

    /// <summary>The outcomes of the calls that started in the period and have ended, most frequent first ("" for none).</summary>
    public Task<IReadOnlyList<OutcomeCount>> OutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        RunAsync<IReadOnlyList<OutcomeCount>>(async connection => [.. await connection.QueryAsync<OutcomeCount>(new CommandDefinition(
            """
            SELECT outcome AS Outcome, COUNT(*) AS Count FROM call_records
            WHERE started_at >= @from AND started_at < @to AND end_reason <> 'in-progress'
            GROUP BY outcome ORDER BY COUNT(*) DESC, outcome
            """,
            Range(from, to), cancellationToken: ct)).ConfigureAwait(false)], ct);

    private static object Range(DateTimeOffset from, DateTimeOffset to) => new
    {
        from = CallRecordRowMapping.Time(from.ToUniversalTime()),
        to = CallRecordRowMapping.Time(to.ToUniversalTime()),
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
}
