namespace VikaIvr.Speech.Engines;

/// <summary>A speech synthesizer. Input is already normalised (numbers as words).</summary>
public interface ISpeechEngine
{
    /// <summary>Short engine name used in cache keys and messages ("espeak-ng", "azure").</summary>
    string Name { get; }

    /// <summary>The voice in use ("id", "id-ID-GadisNeural").</summary>
    string Voice { get; }

    /// <summary>Synthesizes the text as 8 kHz mono 16-bit PCM. Failure throws
    /// <see cref="VikaIvr.Flows.Ports.SpeechException"/>; cancellation throws
    /// <see cref="OperationCanceledException"/>.</summary>
    Task<short[]> SynthesizeAsync(string normalisedText, CancellationToken ct);

    /// <summary>Checks at start-up that the engine can synthesize; throws
    /// <see cref="VikaIvr.Flows.Ports.SpeechException"/> naming what is missing.</summary>
    Task EnsureAvailableAsync(CancellationToken ct);
}
