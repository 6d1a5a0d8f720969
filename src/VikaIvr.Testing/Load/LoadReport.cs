using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VikaIvr.Testing.Load;

/// <summary>The load tester's figures at one moment (the live line) or at the end (the report and its JSON).</summary>
public sealed record LoadReport(TimeSpan Elapsed, int Placed, int Answered, int Completed, int Failed, int Active, int EndedByServer,
    IReadOnlyDictionary<string, int> Failures, LatencySummary InviteTo200, LatencySummary InviteToFirstRtp,
    LoadExpectationReport Expectations, LoadTimingReport Timing)
{
    /// <summary>No call failed and no expectation failed.</summary>
    public bool Passed => Failed == 0 && Expectations.Failed == 0;

    /// <summary>The live line: one line of the essentials.</summary>
    public string Line()
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"[{Elapsed.TotalSeconds,6:0.0} s] placed {Placed} answered {Answered} completed {Completed} failed {Failed} active {Active}");
        line.Append(CultureInfo.InvariantCulture, $" | INVITE→200 p99 {InviteTo200.P99:0.0} ms, →RTP p99 {InviteToFirstRtp.P99:0.0} ms");
        if (Expectations.Checked > 0) line.Append(CultureInfo.InvariantCulture, $" | expectations {Math.Max(0, Expectations.Checked - Expectations.Failed)}/{Expectations.Checked}");
        if (Timing.Streams > 0) line.Append(CultureInfo.InvariantCulture, $" | rx p99 {Timing.DeviationP99Ms:0.00} ms lost {Timing.Lost}");
        return line.ToString();
    }

    /// <summary>The report a person reads at the end.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"calls: placed {Placed}, answered {Answered}, completed {Completed} ({EndedByServer} hung up by the server), failed {Failed} in {Elapsed.TotalSeconds:0.0} s");
        foreach (var (reason, count) in Failures.OrderByDescending(f => f.Value)) text.AppendLine(inv, $"  failed: {reason} × {count}");
        text.AppendLine(inv, $"INVITE→200:       {InviteTo200}");
        text.AppendLine(inv, $"INVITE→first RTP: {InviteToFirstRtp}");
        if (Expectations.Checked + Expectations.Unchecked > 0)
        {
            text.AppendLine(inv, $"expectations: {Expectations.Checked} checked, {Expectations.Failed} failed, {Expectations.Unchecked} not checkable by fingerprint");
            foreach (var (reason, count) in Expectations.Failures.OrderByDescending(f => f.Value)) text.AppendLine(inv, $"  {reason} × {count}");
        }

        var t = Timing;
        text.AppendLine(inv, $"received audio ({(t.KernelTimestamps ? "kernel receive timestamps" : "receive-thread clock")}): {t.Streams} streams, {t.Packets} packets, {t.Gaps} gaps, {t.Lost} lost, {t.Reordered} reordered");
        text.Append(inv, $"  |interval − ptime|: p50 {t.DeviationP50Ms:0.000} ms, p99 {t.DeviationP99Ms:0.000} ms, max {t.DeviationMaxMs:0.000} ms; per-stream p99: median {t.MedianStreamP99Ms:0.000} ms, worst {t.WorstStreamP99Ms:0.000} ms");
        return text.ToString();
    }

    /// <summary>The same figures as JSON (`--report FILE.json`).</summary>
    public void WriteJson(Stream stream, LoadRunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("target", run.Target);
        w.WriteString("mode", run.Mode);
        w.WriteNumber("calls", run.Calls);
        w.WriteNumber("rate", run.Rate);
        w.WriteNumber("durationSeconds", run.Duration.TotalSeconds);
        w.WriteNumber("elapsedSeconds", Math.Round(Elapsed.TotalSeconds, 3));
        w.WriteNumber("placed", Placed);
        w.WriteNumber("answered", Answered);
        w.WriteNumber("completed", Completed);
        w.WriteNumber("failed", Failed);
        w.WriteNumber("endedByServer", EndedByServer);
        Counts(w, "failures", Failures);
        Latency(w, "inviteTo200Ms", InviteTo200);
        Latency(w, "inviteToFirstRtpMs", InviteToFirstRtp);
        w.WriteStartObject("expectations");
        w.WriteNumber("checked", Expectations.Checked);
        w.WriteNumber("failed", Expectations.Failed);
        w.WriteNumber("unchecked", Expectations.Unchecked);
        Counts(w, "failures", Expectations.Failures);
        w.WriteEndObject();
        w.WriteStartObject("receivedAudio");
        w.WriteBoolean("kernelTimestamps", Timing.KernelTimestamps);
        w.WriteNumber("streams", Timing.Streams);
        w.WriteNumber("packets", Timing.Packets);
        w.WriteNumber("gaps", Timing.Gaps);
        w.WriteNumber("lost", Timing.Lost);
        w.WriteNumber("reordered", Timing.Reordered);
        w.WriteStartObject("deviationMs");
        w.WriteNumber("p50", Math.Round(Timing.DeviationP50Ms, 3));
        w.WriteNumber("p99", Math.Round(Timing.DeviationP99Ms, 3));
        w.WriteNumber("max", Math.Round(Timing.DeviationMaxMs, 3));
        w.WriteNumber("medianStreamP99", Math.Round(Timing.MedianStreamP99Ms, 3));
        w.WriteNumber("worstStreamP99", Math.Round(Timing.WorstStreamP99Ms, 3));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, int> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in counts) w.WriteNumber(key, count);
        w.WriteEndObject();
    }

    private static void Latency(Utf8JsonWriter w, string name, LatencySummary s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", s.Count);
        w.WriteNumber("p50", Math.Round(s.P50, 3));
        w.WriteNumber("p95", Math.Round(s.P95, 3));
        w.WriteNumber("p99", Math.Round(s.P99, 3));
        w.WriteNumber("max", Math.Round(s.Max, 3));
        w.WriteEndObject();
    }
}
