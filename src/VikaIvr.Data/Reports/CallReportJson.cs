using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VikaIvr.Data.Reports;

/// <summary>
/// `vika report --format json`: the machine form of a <see cref="CallReport"/>. Written field by
/// field so the property names are fixed here (camelCase, documented in the README), not by a
/// naming policy or a rename; times ISO 8601 with offset, durations in seconds (3 decimals),
/// rates as fractions (4 decimals), missing values null. Relaxed escaping ("+07:00", not "\u002B07:00"):
/// the output is a file or an application/json answer, never embedded in HTML.
/// </summary>
public static class CallReportJson
{
    public static void Write(Stream output, CallReport report, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("from", Time(report.From));
        json.WriteString("to", Time(report.To));
        json.WriteNumber("calls", report.Calls);
        json.WriteNumber("inProgress", report.InProgress);
        json.WriteNumber("answered", report.Answered);

        json.WriteStartObject("containment");
        json.WriteNumber("contained", report.Contained);
        json.WriteNumber("transferred", report.Transferred);
        json.WriteNumber("rate", Math.Round(report.ContainmentRate, 4));
        json.WriteEndObject();

        json.WriteStartObject("transfers");
        json.WriteNumber("calls", report.TransferCalls);
        json.WriteNumber("attempts", report.TransferAttempts);
        json.WriteNumber("accepted", report.TransfersAccepted);
        json.WriteNumber("failed", report.TransfersFailed);
        json.WriteEndObject();

        json.WriteStartObject("abandonment");
        json.WriteNumber("abandoned", report.Abandoned);
        json.WriteNumber("beforeAnswer", report.AbandonedBeforeAnswer);
        json.WriteNumber("rate", Math.Round(report.AbandonmentRate, 4));
        json.WriteEndObject();

        json.WriteStartObject("handleTime");
        json.WriteNumber("calls", report.HandleTimeCalls);
        Seconds(json, "averageSeconds", report.AverageHandleTime);
        Seconds(json, "p90Seconds", report.P90HandleTime);
        json.WriteEndObject();

        json.WriteStartArray("callsPerHour");
        foreach (var h in report.CallsPerHour)
        {
            json.WriteStartObject();
            json.WriteString("hour", Time(h.Hour));
            json.WriteNumber("calls", h.Calls);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        Counts(json, "dtmfMethods", "method", report.DtmfMethods);
        json.WriteNumber("callsWithoutDtmf", report.CallsWithoutDtmf);

        json.WriteStartObject("verificationFailures");
        json.WriteNumber("failures", report.VerificationFailures);
        json.WriteNumber("calls", report.CallsWithVerificationFailure);
        json.WriteNumber("tooManyAttempts", report.TooManyAttempts);
        json.WriteEndObject();

        json.WriteStartObject("systemBusy");
        json.WriteNumber("occurrences", report.SystemBusy);
        json.WriteNumber("calls", report.CallsWithSystemBusy);
        json.WriteEndObject();

        json.WriteStartArray("funnel");
        foreach (var step in report.Funnel)
        {
            json.WriteStartObject();
            json.WriteString("node", step.NodeId);
            json.WriteNumber("entered", step.Entered);
            json.WriteNumber("leftHere", step.LeftHere);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        Counts(json, "outcomes", "outcome", report.Outcomes);
        Counts(json, "endReasons", "endReason", report.EndReasons);
        json.WriteEndObject();
    }

    public static string Format(CallReport report, bool indented = true)
    {
        using var buffer = new MemoryStream();
        Write(buffer, report, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Counts(Utf8JsonWriter json, string name, string key, IReadOnlyList<NamedCount> counts)
    {
        json.WriteStartArray(name);
        foreach (var c in counts)
        {
            json.WriteStartObject();
            json.WriteString(key, c.Name);
            json.WriteNumber("calls", c.Calls);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Seconds(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is { } v) json.WriteNumber(name, Math.Round(v.TotalSeconds, 3));
        else json.WriteNull(name);
    }

    /// <summary>ISO 8601 with offset; the fraction only when there is one.</summary>
    public static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
