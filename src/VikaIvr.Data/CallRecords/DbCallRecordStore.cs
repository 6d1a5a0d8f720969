using System.Text.Json;
using Dapper;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Call records in the call_records table (SQLite or PostgreSQL: the same columns), list fields as
/// JSON arrays, each row carrying the node that took the call. A call answered is a row with
/// end_reason "in-progress" until its end completes it; rows of this node still in progress at
/// start were cut by a crash (<see cref="MarkCrashedAsync"/>). Writes are direct; wrap in
/// <see cref="BackgroundCallRecordWriter"/> so a call never waits for the database.
/// </summary>
public sealed class DbCallRecordStore : ICallRecordStore
{
    public const string InProgress = "in-progress";
    public const string Crash = "crash";
    public const string CrashFailure = "crash: the server stopped before the call ended";

    private const string Columns = """
        call_id, caller, called, started_at, answered_at, ended_at, end_reason, ended_by, codec,
        dtmf_methods, nodes, events, outcome, failures, rtp_packets_sent, rtp_packets_received, rtp_packets_lost, rtp_jitter_ms, node_id, node_times
        """;

    private const string InsertSql = "INSERT INTO call_records (" + Columns + """
        ) VALUES (@CallId, @Caller, @Called, @StartedAt, @AnsweredAt, @EndedAt, @EndReason, @EndedBy, @Codec,
            @DtmfMethods, @Nodes, @Events, @Outcome, @Failures, @RtpPacketsSent, @RtpPacketsReceived, @RtpPacketsLost, @RtpJitterMs, @NodeId, @NodeTimes)
        """;

    private const string CompleteSql = """
        UPDATE call_records SET caller = @Caller, called = @Called, started_at = @StartedAt, answered_at = @AnsweredAt,
            ended_at = @EndedAt, end_reason = @EndReason, ended_by = @EndedBy, codec = @Codec, dtmf_methods = @DtmfMethods,
            nodes = @Nodes, events = @Events, outcome = @Outcome, failures = @Failures, rtp_packets_sent = @RtpPacketsSent,
            rtp_packets_received = @RtpPacketsReceived, rtp_packets_lost = @RtpPacketsLost, rtp_jitter_ms = @RtpJitterMs, node_times = @NodeTimes
        WHERE call_id = @CallId AND node_id = @NodeId AND end_reason = 'in-progress'
        """;

    private const string MarkCrashedSql = """
        UPDATE call_records SET end_reason = 'crash', ended_by = 'system', failures = @Failures
        WHERE node_id = @NodeId AND end_reason = 'in-progress'
        """;

    private const string SelectLastSql = CallRecordRowMapping.Select + " ORDER BY id DESC LIMIT @count";

    private readonly IDbConnectionFactory _connections;

    /// <param name="nodeId">This server's node (Server:NodeId): written into every record that names none.</param>
    public DbCallRecordStore(IDbConnectionFactory connections, string nodeId)
    {
        _connections = connections ?? throw new ArgumentNullException(nameof(connections));
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        NodeId = nodeId;
    }

    public string NodeId { get; }

    public async Task OpenAsync(CallRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new CallRecordRow
        {
            CallId = record.CallId,
            Caller = record.Caller,
            Called = record.Called,
            StartedAt = CallRecordRowMapping.Time(record.StartedAt),
            AnsweredAt = record.AnsweredAt is { } a ? CallRecordRowMapping.Time(a) : null,
            EndReason = InProgress,
            NodeId = record.NodeId ?? NodeId,
        };
        await ExecuteAsync(InsertSql, row, $"Opening call record {record.CallId}", ct).ConfigureAwait(false);
    }

    public async Task SaveAsync(CallRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.NodeId ??= NodeId;
        var row = CallRecordRowMapping.ToRow(record);
        // The open row (if the call had one) is completed; a call never opened gets its row now.
        if (await ExecuteAsync(CompleteSql, row, $"Saving call record {record.CallId}", ct).ConfigureAwait(false) == 0)
        {
            await ExecuteAsync(InsertSql, row, $"Saving call record {record.CallId}", ct).ConfigureAwait(false);
        }
    }

    /// <summary>At start: this node's calls still "in-progress" were cut by a crash; they become "crash" (ended_at unknown).</summary>
    /// <returns>How many were marked.</returns>
    public Task<int> MarkCrashedAsync(CancellationToken ct) =>
        ExecuteAsync(MarkCrashedSql, new { NodeId, Failures = JsonSerializer.Serialize(new[] { CrashFailure }) }, "Marking crashed calls", ct);

    /// <summary>The last <paramref name="count"/> records, oldest first (as <c>tail</c> would show them).</summary>
    public async Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        List<CallRecordRow> rows;
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            rows = [.. await connection.QueryAsync<CallRecordRow>(new CommandDefinition(SelectLastSql, new { count }, cancellationToken: ct)).ConfigureAwait(false)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Reading call records failed: {ex.Message}", ex);
        }

        var records = new CallRecord[rows.Count];
        for (int i = 0; i < rows.Count; i++) records[rows.Count - 1 - i] = CallRecordRowMapping.ToRecord(rows[i]);
        return records;
    }

    private async Task<int> ExecuteAsync(string sql, object row, string what, CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteAsync(new CommandDefinition(sql, row, cancellationToken: ct)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"{what} failed: {ex.Message}", ex);
        }
    }
}
