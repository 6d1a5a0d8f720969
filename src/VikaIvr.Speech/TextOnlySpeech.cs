using VikaIvr.Flows.Ports;
using VikaIvr.Speech.Text;

namespace VikaIvr.Speech;

/// <summary>
/// Speech for simulation (`vika simulate`): the words as they would be spoken, with silence of
/// about the time they would take, and no engine at all.
/// </summary>
public sealed class TextOnlySpeech : ISpeech
{
    /// <summary>Roughly espeak-ng's pace for Indonesian at 150 words per minute.</summary>
    public static readonly TimeSpan TimePerCharacter = TimeSpan.FromMilliseconds(65);

    private static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);
    private readonly IndonesianNormalizer _normalizer;
    private readonly ReadOnlyMemory<short> _silence;

    public TextOnlySpeech(IndonesianNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        _normalizer = normalizer;
        // One shared silent buffer; every clip is a slice of it.
        _silence = new short[(int)(MaxDuration.TotalSeconds * AudioClip.SampleRate)];
    }

    public Task<AudioClip> SayAsync(string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ct.ThrowIfCancellationRequested();
        var words = _normalizer.Normalize(text);
        var duration = EstimateDuration(words);
        var samples = _silence[..(int)(duration.TotalSeconds * AudioClip.SampleRate)];
        return Task.FromResult(new AudioClip("speech-text", AudioClipKind.Speech, samples, words));
    }

    /// <summary>How long the words would take to say (capped at a minute).</summary>
    public static TimeSpan EstimateDuration(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length == 0) return TimeSpan.Zero;
        var estimate = TimePerCharacter * words.Length + TimeSpan.FromMilliseconds(300);
        return estimate < MaxDuration ? estimate : MaxDuration;
    }
}
