using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VikaIvr.Speech.Prompts;

/// <summary>
/// prompts/prompts.yaml: every prompt's id, text, file and language. Operators edit it; the
/// status of each prompt lives beside its audio (see <see cref="PromptMetadata"/>), not here.
/// </summary>
public sealed class PromptManifest
{
    public const string FileName = "prompts.yaml";

    private readonly Dictionary<string, PromptEntry> _byId;
    private readonly Dictionary<int, PromptEntry> _byNumber;

    public PromptManifest(string defaultLanguage, IReadOnlyList<PromptEntry> prompts)
    {
        ArgumentException.ThrowIfNullOrEmpty(defaultLanguage);
        ArgumentNullException.ThrowIfNull(prompts);
        DefaultLanguage = defaultLanguage;
        Prompts = prompts;
        _byId = new Dictionary<string, PromptEntry>(StringComparer.Ordinal);
        _byNumber = new Dictionary<int, PromptEntry>();
        foreach (var p in prompts)
        {
            if (!_byId.TryAdd(p.Id, p)) throw new PromptManifestException($"Prompt '{p.Id}' is listed twice.");
            if (p.Number is { } n && !_byNumber.TryAdd(n, p))
                throw new PromptManifestException($"Prompts '{_byNumber[n].Id}' and '{p.Id}' share number {n}.");
        }
    }

    public string DefaultLanguage { get; }

    public IReadOnlyList<PromptEntry> Prompts { get; }

    public bool TryGet(string id, out PromptEntry entry) => _byId.TryGetValue(id, out entry!);

    /// <summary>The prompt an operator picks by number in the phone recording flow.</summary>
    public bool TryGetByNumber(int number, out PromptEntry entry) => _byNumber.TryGetValue(number, out entry!);

    public static PromptManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string yaml;
        try
        {
            yaml = System.IO.File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PromptManifestException($"{path}: cannot read the prompt manifest: {ex.Message}", ex);
        }

        return Parse(yaml, path);
    }

    public static PromptManifest Parse(string yaml, string sourceName)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();
        ManifestDocument doc;
        try
        {
            doc = deserializer.Deserialize<ManifestDocument?>(yaml) ?? new ManifestDocument();
        }
        catch (YamlException ex)
        {
            throw new PromptManifestException($"{sourceName}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        var language = string.IsNullOrWhiteSpace(doc.Language) ? "id" : doc.Language.Trim();
        var entries = new List<PromptEntry>();
        foreach (var p in doc.Prompts ?? [])
        {
            if (string.IsNullOrWhiteSpace(p.Id)) throw new PromptManifestException($"{sourceName}: a prompt has no id.");
            var id = p.Id.Trim();
            var file = string.IsNullOrWhiteSpace(p.File) ? id + ".wav" : p.File.Trim();
            if (file.Contains('/') || file.Contains('\\') || file.Contains("..", StringComparison.Ordinal))
                throw new PromptManifestException($"{sourceName}: prompt '{id}': file '{file}' must be a plain file name.");
            var kind = p.Kind?.Trim().ToLowerInvariant() switch
            {
                null or "" or "speech" => PromptKind.Speech,
                "tone" => PromptKind.Tone,
                var other => throw new PromptManifestException($"{sourceName}: prompt '{id}': unknown kind '{other}' (speech or tone)."),
            };
            if (kind == PromptKind.Speech && string.IsNullOrWhiteSpace(p.Text))
                throw new PromptManifestException($"{sourceName}: prompt '{id}' has no text.");
            entries.Add(new PromptEntry(id, p.Text?.Trim() ?? "", file,
                string.IsNullOrWhiteSpace(p.Language) ? language : p.Language.Trim(), kind, p.Number));
        }

        return new PromptManifest(language, entries);
    }

    private sealed class ManifestDocument
    {
        public string? Language { get; set; }
        public List<ManifestPrompt>? Prompts { get; set; }
    }

    private sealed class ManifestPrompt
    {
        public string? Id { get; set; }
        public string? Text { get; set; }
        public string? File { get; set; }
        public string? Language { get; set; }
        public string? Kind { get; set; }
        public int? Number { get; set; }
    }
}
