using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VikaIvr.Jkn.Participants;

/// <summary>
/// The participant lookup's instruments (meter "VikaIvr"): how long a lookup takes (a
/// histogram by key kind and result: found, not-found, error). An error is a store that could
/// not answer — the caller heard system-busy. Never the NIK or card number.
/// </summary>
public sealed class ParticipantLookupMetrics
{
    public const string MeterName = "VikaIvr";

    private readonly Histogram<double> _lookup;

    public ParticipantLookupMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _lookup = meter.CreateHistogram("vika.participant.lookup.duration", "s", "Time a participant lookup took, by key (nik, card) and result (found, not-found, error)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    /// <summary>Records one lookup; <paramref name="started"/> is a <see cref="Stopwatch"/> timestamp.</summary>
    public void Looked(string key, long started, string result) =>
        _lookup.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "key", key }, { "result", result } });
}
