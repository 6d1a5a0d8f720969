using System.Globalization;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Web.Pages.Calls;

/// <summary>Figures of one call read from its record: duration and the speech latencies its events carry.</summary>
public static class CallFigures
{
    private const string SpeechLatencyPrefix = "speech-latency ";
    private const string SpeechLatencySuffix = " ms";

    /// <summary>From the start (the INVITE) to the end; null while the call is in progress.</summary>
    public static TimeSpan? Duration(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.EndedAt is { } ended ? ended - record.StartedAt : null;
    }

    /// <summary>The telephony layer's "speech-latency N ms" events, in order, as milliseconds.</summary>
    public static IReadOnlyList<long> SpeechLatenciesMs(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var latencies = new List<long>();
        foreach (string e in record.Events)
        {
            if (e.StartsWith(SpeechLatencyPrefix, StringComparison.Ordinal) && e.EndsWith(SpeechLatencySuffix, StringComparison.Ordinal)
                && long.TryParse(e.AsSpan(SpeechLatencyPrefix.Length, e.Length - SpeechLatencyPrefix.Length - SpeechLatencySuffix.Length),
                    NumberStyles.None, CultureInfo.InvariantCulture, out long ms))
            {
                latencies.Add(ms);
            }
        }

        return latencies;
    }

    /// <summary>Lost packets as a share of those expected (received + lost), 0 when none were expected.</summary>
    public static double LossRatio(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        long expected = record.RtpPacketsReceived + record.RtpPacketsLost;
        return expected == 0 ? 0 : (double)record.RtpPacketsLost / expected;
    }
}
