using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace VikaIvr.Sip.Admission;

/// <summary>
/// Refusals counted by reason and by source, written as one line per interval when there were any
/// (a flood writes a line every few seconds, not one per request). The sources are a fixed
/// "space-saving" top list: a new source takes the smallest entry's place and inherits its count,
/// so the heavy hitters stay and memory is fixed. Recording allocates nothing.
/// </summary>
public sealed partial class SipRefusalSummary : IDisposable
{
    private const int TrackedSources = 32;
    private const int ShownSources = 3;
    private readonly long[] _counts = new long[SipRefusalReasons.Count];
    private readonly Source[] _sources = new Source[TrackedSources];
    private readonly SipRefusalMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private long _since;

    public SipRefusalSummary(TimeSpan interval, SipRefusalMetrics? metrics, TimeProvider time, ILogger logger)
    {
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _since = time.GetTimestamp();
        _timer = time.CreateTimer(static s => ((SipRefusalSummary)s!).Flush(), this, interval, interval);
    }

    /// <summary>One refusal; <paramref name="source"/> is the address it came from (null: not known).</summary>
    public void Record(SipRefusalReason reason, IPAddress? source)
    {
        _metrics?.Refused(reason);
        lock (_lock)
        {
            _counts[(int)reason]++;
            if (source is not null)
            {
                Count(source);
            }
        }
    }

    /// <summary>Writes the line for what was refused since the last one (nothing when nothing was).</summary>
    public void Flush()
    {
        Span<long> counts = stackalloc long[SipRefusalReasons.Count];
        Source[] top;
        long since;
        long now = _time.GetTimestamp();
        lock (_lock)
        {
            _counts.CopyTo(counts);
            Array.Clear(_counts);
            top = [.. _sources.Where(s => s.Address is not null).OrderByDescending(s => s.Count).Take(ShownSources)];
            Array.Clear(_sources);
            since = _since;
            _since = now;
        }

        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return;
        }

        var reasons = new StringBuilder();
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                reasons.Append(reasons.Length == 0 ? "" : ", ").Append(SipRefusalReasons.Name((SipRefusalReason)i)).Append(' ')
                    .Append(counts[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        var sources = string.Join(", ", top.Select(s => s.Address + " (" + s.Count.ToString(CultureInfo.InvariantCulture) + ")"));
        LogSummary(_logger, total, _time.GetElapsedTime(since, now).TotalSeconds, reasons.ToString(), sources.Length == 0 ? "-" : sources);
    }

    public void Dispose()
    {
        _timer.Dispose();
        Flush();
    }

    private void Count(IPAddress source)
    {
        int smallest = 0;
        for (int i = 0; i < _sources.Length; i++)
        {
            ref var entry = ref _sources[i];
            if (source.Equals(entry.Address))
            {
                entry.Count++;
                return;
            }

            if (entry.Count < _sources[smallest].Count)
            {
                smallest = i;
            }
        }

        ref var replaced = ref _sources[smallest];
        replaced = new Source(source, replaced.Count + 1);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Sip refused {Total} requests in the last {Seconds:F0} s: {Reasons}; top sources {Sources}")]
    private static partial void LogSummary(ILogger logger, long total, double seconds, string reasons, string sources);

    private record struct Source(IPAddress? Address, long Count);
}
