using System.Globalization;
using System.Text.Json;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// The one mapping between <see cref="CallRecord"/> and a call_records row (list fields as JSON
/// arrays, times as ISO 8601 text in UTC), shared by the store and every query that reads records;
/// the store writes a record's row through <see cref="CallRecordStatements.SetRow"/>.
/// </summary>
internal static class CallRecordRowMapping
{
    /// <summary>Every column of a record, named as <see cref="CallRecordRow"/>'s properties; append WHERE/ORDER BY.</summary>
    public const string Select = """
        SELECT call_id AS CallId, caller AS Caller, called AS Called, started_at AS StartedAt, answered_at AS AnsweredAt,
            ended_at AS EndedAt, end_reason AS EndReason, ended_by AS EndedBy, codec AS Codec, dtmf_methods AS DtmfMethods,
            nodes AS Nodes, events AS Events, outcome AS Outcome, failures AS Failures, rtp_packets_sent AS RtpPacketsSent,
            rtp_packets_received AS RtpPacketsReceived, rtp_packets_lost AS RtpPacketsLost, rtp_jitter_ms AS RtpJitterMs,
            node_id AS NodeId, node_times AS NodeTimes
        FROM call_records
        """;

    public static CallRecord ToRecord(CallRecordRow row)
    {
        var record = new CallRecord
        {
            CallId = row.CallId,
            Caller = row.Caller,
            Called = row.Called,
            NodeId = row.NodeId,
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
        record.NodeTimesMs.AddRange(JsonSerializer.Deserialize<List<long>>(row.NodeTimes) ?? []);
        record.Events.AddRange(List(row.Events));
        record.Failures.AddRange(List(row.Failures));
        return record;
    }

    /// <summary>
    /// A record time as stored: round-trip text in UTC (+00:00). One offset makes text order time
    /// order, so a period is one range over the started_at index (<see cref="PeriodSql"/>) and a
    /// bound is written by this same method.
    /// </summary>
    public static string Time(DateTimeOffset t) => StoredTime.Text(t);

    /// <summary>The one period rule over started_at: [@From, @To), bounds written by <see cref="Time"/>.</summary>
    public const string PeriodSql = "started_at >= @From AND started_at < @To";

    /// <summary>The parameters of <see cref="PeriodSql"/>.</summary>
    public static object Period(DateTimeOffset from, DateTimeOffset to) => new { From = Time(from), To = Time(to) };

    public static DateTimeOffset ParseTime(string s) => DateTimeOffset.ParseExact(s, "O", CultureInfo.InvariantCulture);

    /// <summary>The JSON array of an empty list, as stored.</summary>
    public const string EmptyJson = "[]";

    /// <summary>A list as its JSON array (<see cref="EmptyJson"/> for none or an empty one, without serializing).</summary>
    public static string Json<T>(IReadOnlyList<T>? list) => list is null || list.Count == 0 ? EmptyJson : JsonSerializer.Serialize(list);

    private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
