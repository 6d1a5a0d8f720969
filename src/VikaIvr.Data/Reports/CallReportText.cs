using System.Globalization;

namespace VikaIvr.Data.Reports;

/// <summary>`vika report` (text): the figures for people, one per line, the lists as aligned tables.</summary>
public static class CallReportText
{
    public static void Write(TextWriter output, CallReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var w = new Lines(output);
        w.Line($"Calls from {report.From:yyyy-MM-dd HH:mm zzz} to {report.To:yyyy-MM-dd HH:mm zzz}");
        w.Line($"  calls             {report.Calls} finished ({report.InProgress} in progress), {report.Answered} answered");
        w.Line($"  containment       {report.Contained} of {report.Answered} answered ({Percent(report.ContainmentRate)}) without an agent");
        w.Line($"  transfers         {report.TransferAttempts} attempts in {report.TransferCalls} calls: {report.TransfersAccepted} accepted, {report.TransfersFailed} failed; {report.Transferred} calls transferred");
        w.Line($"  abandoned         {report.Abandoned} of {report.Calls} ({Percent(report.AbandonmentRate)}), {report.AbandonedBeforeAnswer} before the answer");
        w.Line($"  handle time       average {Seconds(report.AverageHandleTime)}, p90 {Seconds(report.P90HandleTime)} over {report.HandleTimeCalls} calls");
        w.Line($"  verification      {report.VerificationFailures} failures in {report.CallsWithVerificationFailure} calls, {report.TooManyAttempts} too-many-attempts");
        w.Line($"  system-busy       {report.SystemBusy} times in {report.CallsWithSystemBusy} calls");
        w.Line($"  DTMF methods      {Join(report.DtmfMethods)}; {report.CallsWithoutDtmf} answered calls without DTMF");
        w.Line($"  outcomes          {Join(report.Outcomes)}");
        w.Line($"  end reasons       {Join(report.EndReasons)}");

        w.Text("");
        w.Text("Funnel (along the flow)");
        int width = 4;
        foreach (var s in report.Funnel) width = Math.Max(width, s.NodeId.Length);
        w.Line($"  {"node".PadRight(width)}  entered  left here");
        foreach (var s in report.Funnel) w.Line($"  {s.NodeId.PadRight(width)}  {s.Entered,7}  {s.LeftHere,9}");

        w.Text("");
        w.Text("Calls per hour");
        foreach (var h in report.CallsPerHour) w.Line($"  {h.Hour:yyyy-MM-dd HH:00}  {h.Calls,5}  {new string('#', Math.Min(h.Calls, 60))}");
    }

    private static string Percent(double rate) => rate.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";

    private static string Join(IReadOnlyList<NamedCount> counts) =>
        counts.Count == 0 ? "-" : string.Join(", ", counts.Select(c => FormattableString.Invariant($"{c.Name} {c.Calls}")));

    /// <summary>Invariant formatting for every line (a supervisor's locale must not change the figures' shape).</summary>
    private readonly struct Lines(TextWriter output)
    {
        public void Line(FormattableString line) => output.WriteLine(line.ToString(CultureInfo.InvariantCulture));

        public void Text(string line) => output.WriteLine(line);
    }
}
