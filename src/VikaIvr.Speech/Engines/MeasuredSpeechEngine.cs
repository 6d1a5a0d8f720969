using System.Diagnostics;

namespace VikaIvr.Speech.Engines;

/// <summary>An engine whose every synthesis is timed into <see cref="SpeechMetrics"/>; otherwise the engine it wraps.</summary>
public sealed class MeasuredSpeechEngine(ISpeechEngine engine, SpeechMetrics metrics) : ISpeechEngine
{
    public string Name => engine.Name;

    public string Voice => engine.Voice;

    public async Task<short[]> SynthesizeAsync(string normalisedText, CancellationToken ct)
    {
        long started = Stopwatch.GetTimestamp();
        bool ok = false;
        try
        {
            var samples = await engine.SynthesizeAsync(normalisedText, ct).ConfigureAwait(false);
            ok = true;
            return samples;
        }
        finally
        {
            metrics.Synthesized(engine.Name, started, ok);
        }
    }

    public Task EnsureAvailableAsync(CancellationToken ct) => engine.EnsureAvailableAsync(ct);
}
