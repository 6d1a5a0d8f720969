using System.Text.Json;
using Dapper;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Call records in the call_records table (SQLite or PostgreSQL: the same columns), list fields as
/// JSON arrays, each row carrying the node that took the call. A call answered is a row with
/// end_reason "in-progress" until its end completes it; rows of this node still in progress at
/// start were cut by a crash (<see cref="MarkCrashedAsync"/>). Writes are direct, on one
/// connection kept open with prepared statements (<see cref="CallRecordRowWriter"/>; dispose the
/// store to close it); wrap in <see cref="BackgroundCallRecordWriter"/> so a call never waits for
/// the database.
/// </summary>
public sealed class DbCallRecordStore : ICallRecordStore, IAsyncDisposable
{
    public const string InProgress = "in-progress";
    public const string Crash = "crash";
    public const string CrashFailure = "crash: the server stopped before the call ended";

    private const string MarkCrashedSql = """
        UPDATE call_records SET end_reason = 'crash', ended_by = 'system', failures = @Failures
        WHERE node_id = @NodeId AND end_reason = 'in-progress'
        """;

    private const string SelectLastSql = CallRecordRowMapping.Select + " ORDER BY id DESC LIMIT @count";

    private readonly IDbConnectionFactory _connections;
    private readonly CallRecordRowWriter _rows;

    /// <param name="nodeId">This server's node (Server:NodeId): written into every record that names none.</param>
    public DbCallRecordStore(IDbConnectionFactory connections, string nodeId)
        : this(connections, nodeId, TimeProvider.System, CallRecordRowWriter.DefaultIdleLimit)
    {
    }

    /// <param name="connections">The database.</param>
    /// <param name="nodeId">This server's node (Server:NodeId): written into every record that names none.</param>
    /// <param name="clock">Measures how long the write connection has been unused.</param>
    /// <param name="idleLimit">A write connection unused longer than this is reopened before the next write.</param>
    public DbCallRecordStore(IDbConnectionFactory connections, string nodeId, TimeProvider clock, TimeSpan idleLimit)
    {
        _connections = connections ?? throw new ArgumentNullException(nameof(connections));
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        NodeId = nodeId;
        _rows = new CallRecordRowWriter(connections, clock, idleLimit);
    }

    public string NodeId { get; }

    public async Task OpenAsync(CallRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await _rows.OpenAsync(record, NodeId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw Failed("Opening call record " + record.CallId, ex);
        }
    }

    public async Task SaveAsync(CallRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.NodeId ??= NodeId;
        try
        {
            // The open row (if the call had one) is completed; a call never opened gets its row now.
            await _rows.SaveAsync(record, NodeId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw Failed("Saving call record " + record.CallId, ex);
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

    /// <summary>Closes the write connection (the store opens a new one if written again).</summary>
    public ValueTask DisposeAsync() => _rows.DisposeAsync();

    private static DataStoreException Failed(string what, Exception ex) => new($"{what} failed: {ex.Message}", ex);

    private async Task<int> ExecuteAsync(string sql, object row, string what, CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteAsync(new CommandDefinition(sql, row, cancellationToken: ct)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw Failed(what, ex);
        }
    }
}
