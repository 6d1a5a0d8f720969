namespace VikaIvr.Speech;

/// <summary>Synthesis cache settings.</summary>
public sealed class SpeechServiceOptions
{
    /// <summary>Folder of the disk cache; null disables it.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Audio kept in memory, in seconds (8000 samples each).</summary>
    public int MemoryCacheSeconds { get; set; } = 1800;
}
