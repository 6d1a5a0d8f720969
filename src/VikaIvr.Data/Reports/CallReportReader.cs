using System.Globalization;
using System.Text.Json;
using Dapper;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Reports;

/// <summary>
/// Makes a <see cref="CallReport"/> from the call_records table (SQLite or PostgreSQL), streaming
/// the rows of the period into a <see cref="CallReportBuilder"/>: memory grows with the number of
/// distinct nodes, outcomes and hours, plus one number per answered call, never with the rows.
/// </summary>
/// <remarks>
/// started_at is ISO 8601 text ("O": fixed width, seven fraction digits, offset). Text of the same
/// offset sorts as time, so rows written in UTC (+00:00, as the server writes them) are chosen by
/// the exact range in SQL; rows with another offset are chosen by a range widened by the largest
/// offset (14 h) and the builder drops those outside the period after parsing.
/// </remarks>
public sealed class CallReportReader(IDbConnectionFactory connections)
{
    private static readonly TimeSpan Widen = TimeSpan.FromHours(14) + TimeSpan.FromMinutes(1);

    private const string SelectSql = """
        SELECT call_id AS CallId, started_at AS StartedAt, answered_at AS AnsweredAt, ended_at AS EndedAt,
            end_reason AS EndReason, ended_by AS EndedBy, dtmf_methods AS DtmfMethods, nodes AS Nodes,
            events AS Events, outcome AS Outcome
        FROM call_records
        WHERE (started_at >= @From AND started_at < @To)
           OR (started_at NOT LIKE '%+00:00' AND started_at >= @WideFrom AND started_at < @WideTo)
        """;

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <exception cref="ArgumentException">The period is empty or longer than <see cref="CallReportBuilder.MaxPeriod"/>.</exception>
    /// <exception cref="DataStoreException">The database could not be read.</exception>
    public async Task<CallReport> ReadAsync(DateTimeOffset from, DateTimeOffset to, FlowDefinition? flow, CancellationToken ct)
    {
        var builder = new CallReportBuilder(flow, from, to);
        var parameters = new
        {
            From = Utc(from), To = Utc(to), WideFrom = Utc(from - Widen), WideTo = Utc(to + Widen),
        };
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

    private static string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string s) => DateTimeOffset.ParseExact(s, "O", CultureInfo.InvariantCulture);

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
