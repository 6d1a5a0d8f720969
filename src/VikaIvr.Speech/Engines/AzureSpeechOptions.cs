using VikaIvr.Media.Audio;

namespace VikaIvr.Speech.Engines;

/// <summary>Azure Speech (REST) settings; the engine is used only when a key and a region are set.</summary>
public sealed class AzureSpeechOptions
{
    public string? SubscriptionKey { get; set; }

    /// <summary>Azure region, e.g. "southeastasia".</summary>
    public string? Region { get; set; }

    public string Voice { get; set; } = "id-ID-GadisNeural";

    /// <summary>Overrides https://{region}.tts.speech.microsoft.com/cognitiveservices/v1 (tests, proxies).</summary>
    public Uri? Endpoint { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public string UserAgent { get; set; } = "VikaIvr";

    /// <summary>Synthesized speech is brought to the same level as the prompts.</summary>
    public LoudnessOptions Loudness { get; set; } = new();

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(SubscriptionKey) && (!string.IsNullOrWhiteSpace(Region) || Endpoint is not null);

    public Uri ResolveEndpoint() =>
        Endpoint ?? new Uri($"https://{Region}.tts.speech.microsoft.com/cognitiveservices/v1");
}
