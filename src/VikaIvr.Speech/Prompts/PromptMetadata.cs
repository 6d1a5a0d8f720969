using System.Text.Json;
using System.Text.Json.Serialization;

namespace VikaIvr.Speech.Prompts;

/// <summary>
/// The small sidecar file beside each prompt's audio (&lt;file&gt;.json): whether it is a
/// recording or a synthesized placeholder, where it came from, and when.
/// </summary>
public sealed record PromptMetadata
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public PromptStatus Status { get; init; }

    /// <summary>"import:&lt;file name&gt;", "phone", "espeak-ng/id", "tone".</summary>
    public string Source { get; init; } = "";

    /// <summary>The text a placeholder was synthesized from (to notice a changed manifest).</summary>
    public string? Text { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The prompt_versions number this file is (null: not a stored version, e.g. shipped or
    /// a phone recording not yet written to the database).</summary>
    public int? Version { get; init; }

    public static string PathFor(string audioPath) => audioPath + ".json";

    /// <summary>The sidecar of an audio file, or null when there is none or it is unreadable.</summary>
    public static PromptMetadata? TryRead(string audioPath)
    {
        var path = PathFor(audioPath);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<PromptMetadata>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string audioPath) => File.WriteAllText(PathFor(audioPath), JsonSerializer.Serialize(this, Json));
}
