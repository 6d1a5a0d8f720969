using VikaIvr.Flows.Ports;
using VikaIvr.Speech.Engines;

namespace VikaIvr.Speech.Tests;

/// <summary>An engine that returns a tone whose length follows the text, and counts its calls.</summary>
internal sealed class FakeSpeechEngine : ISpeechEngine
{
    private int _calls;

    public string Name => "fake";
    public string Voice { get; init; } = "v1";
    public int Calls => _calls;
    public Exception? Failure { get; set; }
    public List<string> Texts { get; } = [];

    public Task<short[]> SynthesizeAsync(string normalisedText, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        lock (Texts) Texts.Add(normalisedText);
        if (Failure is not null) throw Failure;
        var samples = new short[normalisedText.Length * 80];
        for (var i = 0; i < samples.Length; i++) samples[i] = (short)(8000 * Math.Sin(i * 2 * Math.PI * 440 / 8000));
        return Task.FromResult(samples);
    }

    public Task EnsureAvailableAsync(CancellationToken ct) =>
        Failure is null ? Task.CompletedTask : Task.FromException(new SpeechException("fake missing"));
}
