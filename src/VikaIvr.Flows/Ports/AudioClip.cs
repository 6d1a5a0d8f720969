namespace VikaIvr.Flows.Ports;

/// <summary>
/// Immutable audio: 8 kHz mono 16-bit linear PCM, shared by every call that plays it.
/// The media layer encodes it once per codec; a playing call holds only a cursor.
/// </summary>
public sealed class AudioClip
{
    public const int SampleRate = 8000;

    public AudioClip(string id, AudioClipKind kind, ReadOnlyMemory<short> samples, string? text = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        Kind = kind;
        Samples = samples;
        Text = text;
    }

    /// <summary>The prompt id, or an id for synthesized speech.</summary>
    public string Id { get; }

    public AudioClipKind Kind { get; }

    /// <summary>8 kHz mono linear PCM.</summary>
    public ReadOnlyMemory<short> Samples { get; }

    /// <summary>The words spoken, when known (always for synthesized speech).</summary>
    public string? Text { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);

    public override string ToString() => $"{Kind}:{Id} ({Duration.TotalSeconds:0.00} s)";
}
