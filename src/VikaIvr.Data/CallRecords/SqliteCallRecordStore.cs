using System.Globalization;
using System.Text.Json;
using Dapper;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Call records in the call_records table, list fields as JSON arrays. Writes are direct;
/// wrap in <see cref="BackgroundCallRecordWriter"/> so a call never waits for the disk.
/// </summary>
public sealed class SqliteCallRecordStore(IDbConnectionFactory connections) : ICallRecordStore
{
    private const string InsertSql = """
        INSERT INTO call_records (call_id, caller, called, started_at, answered_at, ended_at, end_reason, ended_by, codec,
            dtmf_methods, nodes, events, outcome, failures, rtp_packets_sent, rtp_packets_received, rtp_packets_lost, rtp_jitter_ms)
        VALUES (@CallId, @Caller, @Called, @StartedAt, @AnsweredAt, @EndedAt, @EndReason, @EndedBy, @Codec,
            @DtmfMethods, @Nodes, @Events, @Outcome, @Failures, @RtpPacketsSent, @RtpPacketsReceived, @RtpPacketsLost, @RtpJitterMs)
        """;

    private const string SelectLastSql = """
        SELECT call_id AS CallId, caller AS Caller, called AS Called, started_at AS StartedAt, answered_at AS AnsweredAt,
            ended_at AS EndedAt, end_reason AS EndReason, ended_by AS EndedBy, codec AS Codec, dtmf_methods AS DtmfMethods,
            nodes AS Nodes, events AS Events, outcome AS Outcome, failures AS Failures, rtp_packets_sent AS RtpPacketsSent,
            rtp_packets_received AS RtpPacketsReceived, rtp_packets_lost AS RtpPacketsLost, rtp_jitter_ms AS RtpJitterMs
        FROM call_records ORDER BY id DESC LIMIT @count
        """;

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    public async Task SaveAsync(CallRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new CallRecordRow
        {
            CallId = record.CallId,
            Caller = record.Caller,
            Called = record.Called,
            StartedAt = Time(record.StartedAt),
            AnsweredAt = record.AnsweredAt is { } a ? Time(a) : null,
            EndedAt = record.EndedAt is { } e ? Time(e) : null,
            EndReason = record.EndReason,
            EndedBy = record.EndedBy,
            Codec = record.Codec,
            DtmfMethods = JsonSerializer.Serialize(record.DtmfMethods),
            Nodes = JsonSerializer.Serialize(record.Nodes),
            Events = JsonSerializer.Serialize(record.Events),
            Outcome = record.Outcome,
            Failures = JsonSerializer.Serialize(record.Failures),
            RtpPacketsSent = record.RtpPacketsSent,
            RtpPacketsReceived = record.RtpPacketsReceived,
            RtpPacketsLost = record.RtpPacketsLost,
            RtpJitterMs = record.RtpJitterMs,
        };
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: ct)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Saving call record {record.CallId} failed: {ex.Message}", ex);
        }
    }

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
        for (int i = 0; i < rows.Count; i++) records[rows.Count - 1 - i] = ToRecord(rows[i]);
        return records;
    }

    private static CallRecord ToRecord(CallRecordRow row)
    {
        var record = new CallRecord
        {
            CallId = row.CallId,
            Caller = row.Caller,
            Called = row.Called,
            StartedAt = ParseTime(row.StartedAt),
            AnsweredAt = row.AnsweredAt is null ? null : ParseTime(row.AnsweredAt),
            EndedAt = row.EndedAt is null ? null : ParseTime(row.EndedAt),
            EndReason = row.EndReason,
            EndedBy = row.EndedBy,
            Codec = row.Codec,
            Outcome = row.Outcome,
            RtpPacketsSent = row.RtpPacketsSent,
            RtpPacketsReceived = row.RtpPacketsReceived,
            RtpPacketsLost = row.RtpPacketsLost,
            RtpJitterMs = row.RtpJitterMs,
        };
        record.DtmfMethods.AddRange(List(row.DtmfMethods));
        record.Nodes.AddRange(List(row.Nodes));
        record.Events.AddRange(List(row.Events));
        record.Failures.AddRange(List(row.Failures));
        return record;
    }

    private static string Time(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) => DateTimeOffset.ParseExact(s, "O", CultureInfo.InvariantCulture);

    private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
