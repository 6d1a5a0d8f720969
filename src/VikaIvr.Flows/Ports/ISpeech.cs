namespace VikaIvr.Flows.Ports;

/// <summary>Speech synthesis as the flow sees it. Failure throws <see cref="SpeechException"/>.</summary>
public interface ISpeech
{
    /// <summary>Normalises the text (numbers to Indonesian words, ...) and synthesizes it.
    /// The returned clip's <see cref="AudioClip.Text"/> holds the words as spoken.</summary>
    Task<AudioClip> SayAsync(string text, CancellationToken ct);
}
