using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// <c>vika cdr --json</c>: one JSON object per line, snake_case fields, times in ISO 8601 with
/// offset, missing values as null. Written field by field so the shape is fixed here, not by
/// a naming policy.
/// </summary>
public static class CallRecordJsonLines
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    public static string Format(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("call_id", record.CallId);
            json.WriteString("caller", record.Caller);
            json.WriteString("called", record.Called);
            if (record.NodeId is null) json.WriteNull("node_id"); else json.WriteString("node_id", record.NodeId);
            json.WriteString("started_at", Time(record.StartedAt));
            WriteTime(json, "answered_at", record.AnsweredAt);
            WriteTime(json, "ended_at", record.EndedAt);
            json.WriteString("end_reason", record.EndReason);
            json.WriteString("ended_by", record.EndedBy);
            if (record.Codec is null) json.WriteNull("codec"); else json.WriteString("codec", record.Codec);
            WriteList(json, "dtmf_methods", record.DtmfMethods);
            WriteList(json, "nodes", record.Nodes);
            json.WriteStartArray("node_times_ms");
            foreach (long t in record.NodeTimesMs) json.WriteNumberValue(t);
            json.WriteEndArray();
            WriteList(json, "events", record.Events);
            json.WriteString("outcome", record.Outcome);
            WriteList(json, "failures", record.Failures);
            json.WriteNumber("rtp_packets_sent", record.RtpPacketsSent);
            json.WriteNumber("rtp_packets_received", record.RtpPacketsReceived);
            json.WriteNumber("rtp_packets_lost", record.RtpPacketsLost);
            json.WriteNumber("rtp_jitter_ms", record.RtpJitterMs);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes each record as one line ("\n"-terminated).</summary>
    public static void Write(TextWriter output, IEnumerable<CallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            output.Write(Format(record));
            output.Write('\n');
        }
    }

    private static string Time(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? t)
    {
        if (t is { } v) json.WriteString(name, Time(v)); else json.WriteNull(name);
    }

    private static void WriteList(Utf8JsonWriter json, string name, List<string> items)
    {
        json.WriteStartArray(name);
        foreach (string item in items) json.WriteStringValue(item);
        json.WriteEndArray();
    }
}
