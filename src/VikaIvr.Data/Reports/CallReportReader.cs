using System.Globalization;
using System.Text.Json;
using Dapper;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Reports;

/// <summary>
/// Makes a <see cref="CallReport"/> from the call_records table (SQLite or PostgreSQL), streaming
/// the rows of the period into a <see cref="CallReportBuilder"/>: memory grows with the number of
/// distinct nodes, outcomes and hours, plus one number per answered call, never with the rows.
/// </summary>
/// <remarks>The period is the one rule of <see cref="CallRecords.CallRecordRowMapping.PeriodSql"/>.</remarks>
public sealed class CallReportReader(IDbConnectionFactory connections)
{
    private const string SelectSql = """
        SELECT call_id AS CallId, started_at AS StartedAt, answered_at AS AnsweredAt, ended_at AS EndedAt,
            end_reason AS EndReason, ended_by AS EndedBy, dtmf_methods AS DtmfMethods, nodes AS Nodes,
            events AS Events, outcome AS Outcome
        FROM call_records
        WHERE
        """ + " " + CallRecordRowMapping.PeriodSql;

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <exception cref="ArgumentException">The period is empty or longer than <see cref="CallReportBuilder.MaxPeriod"/>.</exception>
    /// <exception cref="DataStoreException">The database could not be read.</exception>
    public async Task<CallReport> ReadAsync(DateTimeOffset from, DateTimeOffset to, FlowDefinition? flow, CancellationToken ct)
    {
        var builder = new CallReportBuilder(flow, from, to);
        var parameters = CallRecordRowMapping.Period(from, to);
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            await foreach (var row in connection.QueryUnbufferedAsync<ReportRow>(SelectSql, parameters).WithCancellation(ct).ConfigureAwait(false))
            {
                builder.Add(ToRecord(row));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Reading call records for a report failed: {ex.Message}", ex);
        }

        return builder.Build();
    }

    private static DateTimeOffset Time(string s) => CallRecordRowMapping.ParseTime(s);

    private static CallRecord ToRecord(ReportRow row)
    {
        // Caller and called are not read: a report never shows who called.
        var record = new CallRecord
        {
            CallId = row.CallId,
            Caller = "",
            Called = "",
            StartedAt = Time(row.StartedAt),
            AnsweredAt = row.AnsweredAt is null ? null : Time(row.AnsweredAt),
            EndedAt = row.EndedAt is null ? null : Time(row.EndedAt),
            EndReason = row.EndReason,
            EndedBy = row.EndedBy,
            Outcome = row.Outcome,
        };
        record.DtmfMethods.AddRange(List(row.DtmfMethods));
        record.Nodes.AddRange(List(row.Nodes));
        record.Events.AddRange(List(row.Events));
        return record;
    }

    private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
