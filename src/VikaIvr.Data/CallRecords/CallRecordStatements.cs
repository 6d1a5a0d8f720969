using System.Data;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// The statements that write call_records rows (SQLite and PostgreSQL alike), prepared once per
/// connection by <see cref="CallRecordRowWriter"/>, and how a record fills them. The open row
/// carries only what is known at answer; every other column is written as the empty record has
/// it (no end, "in-progress", empty lists, zero counts). <see cref="Complete"/> and
/// <see cref="Insert"/> take the same parameters in the same order.
/// </summary>
internal static class CallRecordStatements
{
    private const string Columns = """
        call_id, caller, called, started_at, answered_at, ended_at, end_reason, ended_by, codec,
        dtmf_methods, nodes, events, outcome, failures, rtp_packets_sent, rtp_packets_received, rtp_packets_lost, rtp_jitter_ms, node_id, node_times
        """;

    public static readonly StatementDefinition Open = new(
        "INSERT INTO call_records (" + Columns + """
        ) VALUES (@CallId, @Caller, @Called, @StartedAt, @AnsweredAt, NULL, 'in-progress', '', NULL,
            '[]', '[]', '[]', '', '[]', 0, 0, 0, 0.0, @NodeId, '[]')
        """,
        Text("@CallId"), Text("@Caller"), Text("@Called"), Text("@StartedAt"), Text("@AnsweredAt"), Text("@NodeId"));

    /// <summary>The parameters of a whole row, in the order <see cref="SetRow"/> fills them.</summary>
    private static readonly (string, DbType)[] Row =
    [
        Text("@CallId"), Text("@Caller"), Text("@Called"), Text("@StartedAt"), Text("@AnsweredAt"), Text("@EndedAt"),
        Text("@EndReason"), Text("@EndedBy"), Text("@Codec"), Text("@DtmfMethods"), Text("@Nodes"), Text("@Events"),
        Text("@Outcome"), Text("@Failures"), ("@RtpPacketsSent", DbType.Int64), ("@RtpPacketsReceived", DbType.Int64),
        ("@RtpPacketsLost", DbType.Int64), ("@RtpJitterMs", DbType.Double), Text("@NodeId"), Text("@NodeTimes"),
    ];

    public static readonly StatementDefinition Insert = new(
        "INSERT INTO call_records (" + Columns + """
        ) VALUES (@CallId, @Caller, @Called, @StartedAt, @AnsweredAt, @EndedAt, @EndReason, @EndedBy, @Codec,
            @DtmfMethods, @Nodes, @Events, @Outcome, @Failures, @RtpPacketsSent, @RtpPacketsReceived, @RtpPacketsLost, @RtpJitterMs, @NodeId, @NodeTimes)
        """,
        Row);

    /// <summary>Completes this node's in-progress row of the call (none changed: the call was never opened).</summary>
    public static readonly StatementDefinition Complete = new("""
        UPDATE call_records SET caller = @Caller, called = @Called, started_at = @StartedAt, answered_at = @AnsweredAt,
            ended_at = @EndedAt, end_reason = @EndReason, ended_by = @EndedBy, codec = @Codec, dtmf_methods = @DtmfMethods,
            nodes = @Nodes, events = @Events, outcome = @Outcome, failures = @Failures, rtp_packets_sent = @RtpPacketsSent,
            rtp_packets_received = @RtpPacketsReceived, rtp_packets_lost = @RtpPacketsLost, rtp_jitter_ms = @RtpJitterMs, node_times = @NodeTimes
        WHERE call_id = @CallId AND node_id = @NodeId AND end_reason = 'in-progress'
        """,
        Row);

    /// <summary>Fills <see cref="Open"/>: the call's identity, its times and its node (<paramref name="nodeId"/> when it names none).</summary>
    public static void SetOpen(PreparedCommand open, CallRecord record, string nodeId)
    {
        SetStart(open, record);
        open.Set(5, record.NodeId ?? nodeId);
    }

    /// <summary>
    /// Fills <see cref="Complete"/> or <see cref="Insert"/> with every column of <paramref name="record"/>,
    /// as <see cref="CallRecordRowMapping"/> maps them: times made into text by the statement, the
    /// lists as JSON arrays (an empty one without a list made for it), numbers unboxed where the
    /// statement can. <paramref name="nodeId"/> when the record names no node.
    /// </summary>
    public static void SetRow(PreparedCommand command, CallRecord record, string nodeId)
    {
        SetStart(command, record);
        command.SetTime(5, record.EndedAt);
        command.Set(6, record.EndReason);
        command.Set(7, record.EndedBy);
        command.Set(8, record.Codec);
        command.Set(9, CallRecordRowMapping.Json(record.DtmfMethodsIfAny));
        command.Set(10, CallRecordRowMapping.Json(record.NodesIfAny));
        command.Set(11, CallRecordRowMapping.Json(record.EventsIfAny));
        command.Set(12, record.Outcome);
        command.Set(13, CallRecordRowMapping.Json(record.FailuresIfAny));
        command.Set(14, record.RtpPacketsSent);
        command.Set(15, record.RtpPacketsReceived);
        command.Set(16, record.RtpPacketsLost);
        command.Set(17, record.RtpJitterMs);
        command.Set(18, record.NodeId ?? nodeId);
        command.Set(19, CallRecordRowMapping.Json(record.NodeTimesMsIfAny));
    }

    /// <summary>The first parameters of every statement: the call's identity and its start and answer times.</summary>
    private static void SetStart(PreparedCommand command, CallRecord record)
    {
        command.Set(0, record.CallId);
        command.Set(1, record.Caller);
        command.Set(2, record.Called);
        // As CallRecordRowMapping.Time writes them (StoredTime), made into text by the statement: no string per call.
        command.SetTime(3, record.StartedAt);
        command.SetTime(4, record.AnsweredAt);
    }

    private static (string, DbType) Text(string name) => (name, DbType.String);
}
