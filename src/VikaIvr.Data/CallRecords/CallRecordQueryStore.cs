using System.Text.Json;
using Dapper;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Reads the call_records table for people (the console): filtered pages of records newest first,
/// one call by its id, and the values the filters offer. Read-only; the same SQL on SQLite and PostgreSQL.
/// </summary>
public sealed class CallRecordQueryStore(IDbConnectionFactory connections)
{
    private static readonly string FindSql = CallRecordQuerySql.Select + "\nWHERE call_id = @callId ORDER BY id DESC LIMIT 1";

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>The page of records the query asks for, newest first.</summary>
    public async Task<CallRecordQueryPage> QueryAsync(CallRecordQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, CallRecordQuery.MaxPageSize, nameof(query));
        if (query.Before is not null && query.After is not null) throw new ArgumentException("Before and After exclude each other.", nameof(query));

        var (sql, parameters) = CallRecordQuerySql.Page(query);
        var rows = await ReadAsync(sql, parameters, "Querying call records", ct).ConfigureAwait(false);
        bool more = rows.Count > query.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        bool newerFirst = query.After is null;
        if (!newerFirst) rows.Reverse();

        // Going older, newer pages exist when we came from one; going newer, the row we came from is older.
        bool older = newerFirst ? more : true;
        bool newer = newerFirst ? query.Before is not null : more;
        return new CallRecordQueryPage(
            rows.ConvertAll(r => CallRecordRowMapping.ToRecord(r.Row)),
            older && rows.Count > 0 ? rows[^1].Id : null,
            newer && rows.Count > 0 ? rows[0].Id : null);
    }

    /// <summary>The call's record (its latest row when several nodes wrote one), or null.</summary>
    public async Task<CallRecord?> FindAsync(string callId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(callId);
        var rows = await ReadAsync(FindSql, new { callId }, $"Reading call record {callId}", ct).ConfigureAwait(false);
        return rows.Count == 0 ? null : CallRecordRowMapping.ToRecord(rows[0].Row);
    }

    /// <summary>The outcomes, end reasons and node ids found in the records (empty values left out).</summary>
    public async Task<CallRecordQueryValues> GetValuesAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            var outcomes = await DistinctAsync(connection, "outcome", ct).ConfigureAwait(false);
            var endReasons = await DistinctAsync(connection, "end_reason", ct).ConfigureAwait(false);
            // Distinct paths are few next to calls; their elements are gathered here, since the
            // providers unnest JSON differently.
            var paths = await DistinctAsync(connection, "nodes", ct).ConfigureAwait(false);
            var nodes = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string path in paths) nodes.UnionWith(JsonSerializer.Deserialize<List<string>>(path) ?? []);
            return new CallRecordQueryValues(outcomes, endReasons, [.. nodes]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Reading call record values failed: {ex.Message}", ex);
        }
    }

    private static async Task<List<string>> DistinctAsync(System.Data.Common.DbConnection connection, string column, CancellationToken ct)
    {
        var values = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT {column} FROM call_records WHERE {column} <> ''", cancellationToken: ct)).ConfigureAwait(false);
        var list = values.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private async Task<List<(CallRecordRow Row, long Id)>> ReadAsync(string sql, object parameters, string what, CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            var rows = await connection.QueryAsync<CallRecordRow, long, (CallRecordRow, long)>(
                new CommandDefinition(sql, parameters, cancellationToken: ct), (row, id) => (row, id), CallRecordQuerySql.SplitOn).ConfigureAwait(false);
            return [.. rows];
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"{what} failed: {ex.Message}", ex);
        }
    }
}
