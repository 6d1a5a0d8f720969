using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VikaIvr.Speech;

/// <summary>
/// The speech instruments (meter "VikaIvr"): how long the engine takes per synthesis (a
/// histogram, by engine and result) and the cache's answers (memory hits, disk hits, engine
/// calls — read from <see cref="SpeechService"/>'s own counters when scraped). No text in labels.
/// </summary>
public sealed class SpeechMetrics
{
    public const string MeterName = "VikaIvr";

    private readonly Meter _meter;
    private readonly Histogram<double> _synthesis;

    public SpeechMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _synthesis = _meter.CreateHistogram("vika.speech.synthesis.duration", "s", "Time the speech engine took to synthesize one text (cache misses only)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] });
    }

    /// <summary>Counts the cache's answers of <paramref name="speech"/> (call once per service).</summary>
    public void Observe(SpeechService speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        _meter.CreateObservableCounter("vika.speech.cache.lookups", () => new[]
        {
            new Measurement<long>(speech.MemoryHits, new KeyValuePair<string, object?>("result", "memory-hit")),
            new Measurement<long>(speech.DiskHits, new KeyValuePair<string, object?>("result", "disk-hit")),
            new Measurement<long>(speech.EngineCalls, new KeyValuePair<string, object?>("result", "miss")),
        }, "{lookup}", "Speech requests by where the audio came from: memory cache, disk cache, or the engine (miss)");
    }

    /// <summary>Records one synthesis; <paramref name="started"/> is a <see cref="Stopwatch"/> timestamp.</summary>
    public void Synthesized(string engine, long started, bool ok) =>
        _synthesis.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "engine", engine }, { "result", ok ? "ok" : "error" } });
}
