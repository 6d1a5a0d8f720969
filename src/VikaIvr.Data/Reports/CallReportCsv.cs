using System.Globalization;

namespace VikaIvr.Data.Reports;

/// <summary>
/// `vika report --format csv`: one long table, <c>figure,key,value</c>, one row per number — the
/// scalar figures with an empty key, the lists (calls per hour, DTMF methods, funnel, outcomes,
/// end reasons) one row per item with the item as key. Figure names are fixed (see the README);
/// rates are fractions, durations seconds; a figure without a value (no handle time) is empty.
/// </summary>
public static class CallReportCsv
{
    public static void Write(TextWriter output, CallReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine("figure,key,value");
        Row(output, "period", "from", CallReportJson.Time(report.From));
        Row(output, "period", "to", CallReportJson.Time(report.To));
        Row(output, "calls", report.Calls);
        Row(output, "in_progress", report.InProgress);
        Row(output, "answered", report.Answered);
        Row(output, "contained", report.Contained);
        Row(output, "containment_rate", "", Number(Math.Round(report.ContainmentRate, 4)));
        Row(output, "transferred", report.Transferred);
        Row(output, "transfer_calls", report.TransferCalls);
        Row(output, "transfer_attempts", report.TransferAttempts);
        Row(output, "transfers_accepted", report.TransfersAccepted);
        Row(output, "transfers_failed", report.TransfersFailed);
        Row(output, "abandoned", report.Abandoned);
        Row(output, "abandoned_before_answer", report.AbandonedBeforeAnswer);
        Row(output, "abandonment_rate", "", Number(Math.Round(report.AbandonmentRate, 4)));
        Row(output, "handle_time_calls", report.HandleTimeCalls);
        Row(output, "handle_time_average_seconds", "", Seconds(report.AverageHandleTime));
        Row(output, "handle_time_p90_seconds", "", Seconds(report.P90HandleTime));
        foreach (var h in report.CallsPerHour) Row(output, "calls_per_hour", CallReportJson.Time(h.Hour), h.Calls);
        foreach (var d in report.DtmfMethods) Row(output, "dtmf_method", d.Name, d.Calls);
        Row(output, "calls_without_dtmf", report.CallsWithoutDtmf);
        Row(output, "verification_failures", report.VerificationFailures);
        Row(output, "calls_with_verification_failure", report.CallsWithVerificationFailure);
        Row(output, "too_many_attempts", report.TooManyAttempts);
        Row(output, "system_busy", report.SystemBusy);
        Row(output, "calls_with_system_busy", report.CallsWithSystemBusy);
        foreach (var step in report.Funnel)
        {
            Row(output, "funnel_entered", step.NodeId, step.Entered);
            Row(output, "funnel_left_here", step.NodeId, step.LeftHere);
        }

        foreach (var o in report.Outcomes) Row(output, "outcome", o.Name, o.Calls);
        foreach (var e in report.EndReasons) Row(output, "end_reason", e.Name, e.Calls);
    }

    private static void Row(TextWriter output, string figure, int value) => Row(output, figure, "", Number(value));

    private static void Row(TextWriter output, string figure, string key, int value) => Row(output, figure, key, Number(value));

    private static void Row(TextWriter output, string figure, string key, string value) =>
        output.WriteLine($"{figure},{Field(key)},{value}");

    /// <summary>RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Field(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Number(double d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan? t) => t is { } v ? Math.Round(v.TotalSeconds, 3).ToString("0.###", CultureInfo.InvariantCulture) : "";
}
